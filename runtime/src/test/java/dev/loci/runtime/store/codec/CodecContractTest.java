package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every codec promises: equal round trips, a leading format version, and safe reads of bad input. */
abstract class CodecContractTest<T> {

    abstract Codec<T> codec();

    /** Valid values, from minimal to the largest validation allows. */
    abstract List<T> samples();

    byte[] encode(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            codec().write(out, value);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    T decode(byte[] bytes) throws IOException {
        return codec().read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    /** Decodes {@code bytes}, failing the test on anything thrown that is not an IOException. */
    T decodeOrNull(byte[] bytes) {
        try {
            return decode(bytes);
        } catch (IOException expected) {
            return null;
        } catch (Throwable other) {
            return fail("read threw %s instead of an IOException on %s", other, HexFormat.of().formatHex(bytes));
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern " + HexFormat.of().formatHex(needle) + " not in the record");
    }

    /** The writeUTF form of {@code text}: two length bytes, then the (modified) UTF-8 bytes. */
    static byte[] utf(String text) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeUTF(text);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (56 - 8 * i));
        }
        return bytes;
    }

    static byte[] doubleBytes(double value) {
        return longBytes(Double.doubleToLongBits(value));
    }

    static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    static void putDouble(byte[] bytes, int at, double value) {
        System.arraycopy(doubleBytes(value), 0, bytes, at, 8);
    }

    /** Asserts {@code bytes} is refused as a corrupt record whose message contains {@code message}. */
    void assertCorrupt(byte[] bytes, String message) {
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining(message);
    }

    @Test
    void roundTripsEverySampleToAnEqualValue() throws IOException {
        for (T sample : samples()) {
            assertThat(decode(encode(sample))).isEqualTo(sample);
        }
    }

    @Test
    void readsExactlyTheBytesWritten() throws IOException {
        for (T sample : samples()) {
            byte[] once = encode(sample);
            byte[] twice = Arrays.copyOf(once, once.length * 2);
            System.arraycopy(once, 0, twice, once.length, once.length);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(twice));

            assertThat(codec().read(in)).isEqualTo(sample);
            assertThat(codec().read(in)).isEqualTo(sample);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void encodingIsDeterministic() {
        for (T sample : samples()) {
            assertThat(encode(sample)).isEqualTo(encode(sample));
        }
    }

    @Test
    void writesItsFormatVersionFirst() {
        for (T sample : samples()) {
            assertThat(encode(sample)[0]).isEqualTo((byte) formatVersion());
        }
    }

    /** The format version the codec writes (1 unless a test says otherwise). */
    int formatVersion() {
        return 1;
    }

    /** Whether the codec reads records of this format version (older formats a codec still reads). */
    boolean readsFormat(int version) {
        return version == formatVersion();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 127, 128, 255})
    void refusesUnknownFormatVersion(int version) {
        if (readsFormat(version)) {
            return;
        }
        for (T sample : samples()) {
            byte[] bytes = encode(sample);
            bytes[0] = (byte) version;

            assertCorrupt(bytes, "format version " + version + " is unknown");
        }
    }

    @Test
    void refusesEveryTruncationWithEofOrCorruptRecord() {
        for (T sample : samples()) {
            byte[] bytes = encode(sample);
            // Every prefix of small records; of large ones every prefix near the start and end, and a stride between.
            for (int length = 0; length < bytes.length; length += step(length, bytes.length)) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> decode(prefix))
                        .as("prefix of %s bytes of %s", length, bytes.length)
                        .isInstanceOfAny(EOFException.class, CorruptRecordException.class);
            }
        }
    }

    private static int step(int length, int total) {
        return total <= 4096 || length < 2048 || length > total - 2048 ? 1 : 61;
    }

    /** A string that some samples store: the robot's name unless a codec stores none. */
    String aStoredString() {
        return Samples.ROBOT.name();
    }

    /** Regression (found by CodecFuzzTest): bytes that are not modified UTF-8 in a string escaped as UTFDataFormatException. */
    @Test
    void refusesMalformedUtf8InAStringAsCorruptRecord() {
        byte[] robotName = utf(aStoredString());
        int checked = 0;
        for (T sample : samples()) {
            byte[] bytes = encode(sample);
            int at;
            try {
                at = indexOf(bytes, robotName);
            } catch (AssertionError noRobotNameInThisSample) {
                continue;
            }
            bytes[at + 2] = (byte) 0xff; // never valid in (modified) UTF-8
            assertCorrupt(bytes, "string does not decode");
            checked++;
        }
        assertThat(checked).as("samples holding %s", aStoredString()).isPositive();
    }

    @Test
    void randomGarbageOnlyEverThrowsIOException() {
        Random random = new Random(0xC0DEC);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextInt(4) != 0) {
                bytes[0] = 1; // get past the version check most of the time
            }
            T decoded = decodeOrNull(bytes);
            if (decoded != null) {
                assertThat(decodeOrNull(encode(decoded))).isEqualTo(decoded);
            }
        }
    }

    @Test
    void mutatedRecordsOnlyEverThrowIOExceptionOrDecodeToValidValues() {
        Random random = new Random(0xBADF00D);
        List<T> samples = samples();
        int decodedCount = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = encode(samples.get(random.nextInt(samples.size())));
            if (bytes.length > 20_000) {
                bytes = Arrays.copyOf(bytes, 20_000);
            }
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = 1 + random.nextInt(bytes.length - 1);
                bytes[at] = random.nextInt(3) == 0 ? (byte) 0xff : (byte) random.nextInt(256);
            }
            T decoded = decodeOrNull(bytes);
            if (decoded != null) {
                decodedCount++;
                // Whatever decodes is a valid value: it round trips.
                assertThat(decodeOrNull(encode(decoded))).isEqualTo(decoded);
            }
        }
        assertThat(decodedCount).as("some mutations only change values and still decode").isPositive();
    }
}
