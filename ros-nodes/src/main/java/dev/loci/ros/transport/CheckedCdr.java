package dev.loci.ros.transport;

import java.nio.ByteBuffer;
import us.ihmc.idl.CDR;
import us.ihmc.idl.IDLSequence;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * The CDR reader for bytes from the wire. The library's reader trusts a length on the wire: a string claiming
 * 2 GB made it allocate 2 GB before it found the sample ends. Here a string or sequence length is checked
 * against the bytes the sample has left (every element takes at least one byte) and the sequence's capacity
 * before anything is allocated; a bad one is an {@link IllegalArgumentException} naming the length.
 */
public final class CheckedCdr extends CDR {
    private ByteBuffer buffer;

    @Override
    public void deserialize(SerializedPayload payload) {
        super.deserialize(payload);
        buffer = payload.getData();
    }

    @Override
    public void read_type_d(StringBuilder value) {
        int length = read_type_2(); // counts the terminating NUL
        if (length < 1 || length > buffer.remaining()) {
            throw new IllegalArgumentException("string length " + length + " with " + buffer.remaining()
                    + " bytes left in the sample");
        }
        value.setLength(length - 1);
        for (int i = 0; i < length - 1; i++) {
            value.setCharAt(i, (char) read_type_9()); // one byte per char, as the library does
        }
        read_type_9();
    }

    @Override
    public void read_type_e(IDLSequence sequence) {
        int start = buffer.position();
        int length = read_type_2();
        if (length < 0 || length > buffer.remaining() || length > sequence.capacity()) {
            throw new IllegalArgumentException("sequence length " + length + " with " + buffer.remaining()
                    + " bytes left in the sample (bound " + sequence.capacity() + ")");
        }
        buffer.position(start); // the library's reader reads the length (and its alignment) itself
        super.read_type_e(sequence);
    }
}
