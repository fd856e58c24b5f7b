package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RepeatedStringsTest {

    @Test
    void readsEachStringAsWrittenAndMakesARepeatedOneOnce() throws IOException {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            written.add(i % 7 == 0 ? "ü-label " + (i % 300) : "robot-" + (i % 5)); // more strings than slots
        }
        written.add("x".repeat(200)); // too long to keep
        written.add("");
        DataInputStream in = input(written);
        AtomicInteger made = new AtomicInteger();
        RepeatedStrings<String> strings = new RepeatedStrings<>(s -> {
            made.incrementAndGet();
            return s;
        });

        List<String> read = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            read.add(strings.read(in));
        }

        assertThat(read).isEqualTo(written);
        assertThat(made.get()).isLessThan(400); // 305 distinct strings, each made about once
        assertThat(strings.read(input(List.of("robot-3")))).isSameAs(read.get(3));
    }

    @Test
    void malformedBytesAreACorruptRecordEvenWhenAValidStringSharesTheirLength() throws IOException {
        RepeatedStrings<String> strings = RepeatedStrings.strings();
        assertThat(strings.read(input(List.of("ab")))).isEqualTo("ab");

        byte[] malformed = {0, 2, (byte) 0xC0, (byte) 0x20};

        assertThatThrownBy(() -> strings.read(new DataInputStream(new ByteArrayInputStream(malformed))))
                .isInstanceOf(CorruptRecordException.class);
    }

    private static DataInputStream input(List<String> strings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (String s : strings) {
            out.writeUTF(s);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
