package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BufferInputTest {

    @Test
    void readsBackWhatADataOutputStreamWrote() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(-3);
            out.writeBoolean(true);
            out.writeShort(-2);
            out.writeShort(65_000);
            out.writeInt(-123_456);
            out.writeLong(Long.MIN_VALUE + 7);
            out.writeFloat(1.5f);
            out.writeDouble(-0.1);
            out.writeUTF("mug \u00e9\u4e2d");
            out.write(new byte[] {1, 2, 3});
        }
        BufferInput in = new BufferInput(ByteBuffer.wrap(bytes.toByteArray()));

        assertThat(in.readByte()).isEqualTo((byte) -3);
        assertThat(in.readBoolean()).isTrue();
        assertThat(in.readShort()).isEqualTo((short) -2);
        assertThat(in.readUnsignedShort()).isEqualTo(65_000);
        assertThat(in.readInt()).isEqualTo(-123_456);
        assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + 7);
        assertThat(in.readFloat()).isEqualTo(1.5f);
        assertThat(in.readDouble()).isEqualTo(-0.1);
        assertThat(in.readUTF()).isEqualTo("mug \u00e9\u4e2d");
        byte[] tail = new byte[3];
        in.readFully(tail);
        assertThat(tail).containsExactly(1, 2, 3);
    }

    @Test
    void readingPastTheLimitIsAnEndOfFileAndMovesNothing() {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.limit(6);
        BufferInput in = new BufferInput(buffer);

        assertThatThrownBy(in::readLong).isInstanceOf(EOFException.class).hasMessageContaining("8 more wanted");
        assertThat(buffer.position()).isZero();
    }
}
