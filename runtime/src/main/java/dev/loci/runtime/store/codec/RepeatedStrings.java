package dev.loci.runtime.store.codec;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.mapdb.DataInput2;

/**
 * Reads {@code writeUTF} strings that recur from record to record (robot names, class labels, event sources) and
 * returns what was made of the same bytes before, without decoding them again. Decoding built a String and
 * three arrays per field; reopening a store reads a robot name and a label for each of a million observations,
 * and that garbage was a tenth of what a reopen allocated (the young collections that stall a reopen come
 * from it). Misses decode through {@link CheckedUtf}, so malformed bytes fail as before.
 *
 * <p>A cache of a fixed number of short strings, each in one of a few slots: once they are taken, a new string
 * replaces whatever sat in its first one, so it is bounded whatever the records hold. Thread-safe (codecs are
 * shared by the store's readers): each slot holds an immutable entry.
 *
 * @param <T> what is kept per string: the string itself, or a validated value made from it
 */
final class RepeatedStrings<T> {
    private static final int SLOTS = 1024;
    /** Slots a string may sit in: with one, two labels sharing a slot evicted each other at every turn. */
    private static final int PROBES = 4;
    /** Longer strings (descriptions, say) seldom repeat: they are decoded and not kept. */
    private static final int MAX_KEPT_BYTES = 64;
    private final AtomicReferenceArray<Entry<T>> slots = new AtomicReferenceArray<>(SLOTS);
    private final Function<String, T> make;
    /** Each reading thread's bytes of the string being read: only a new string gets an array of its own. */
    private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[MAX_KEPT_BYTES]);

    /** A string read as {@code writeUTF}'s bytes, or (bytes null) as a string decoded by MapDB. */
    private record Entry<T>(byte[] bytes, String string, T value) {
    }

    RepeatedStrings(Function<String, T> make) {
        this.make = make;
    }

    /** Strings as they are, one instance per distinct recent string. */
    static RepeatedStrings<String> strings() {
        return new RepeatedStrings<>(Function.identity());
    }

    T read(DataInput in) throws IOException {
        if (in instanceof DataInput2) {
            return readDecoded(in);
        }
        int length = in.readUnsignedShort();
        if (length > MAX_KEPT_BYTES) {
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return make.apply(decode(bytes));
        }
        byte[] read = scratch.get();
        in.readFully(read, 0, length);
        int hash = 1;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + read[i];
        }
        int slot = slotOf(hash);
        for (int probe = 0; probe < PROBES; probe++) {
            Entry<T> entry = slots.get((slot + probe) & (SLOTS - 1));
            if (entry != null && entry.bytes != null && Arrays.equals(entry.bytes, 0, entry.bytes.length, read, 0,
                    length)) {
                return entry.value;
            }
        }
        byte[] bytes = Arrays.copyOf(read, length);
        String string = decode(bytes);
        T value = make.apply(string);
        keep(slot, new Entry<>(bytes, string, value));
        return value;
    }

    /**
     * MapDB's inputs do not read {@code writeUTF}'s layout (MapDB writes its own: packed length and characters),
     * so their strings are decoded as they come and only then looked up.
     */
    private T readDecoded(DataInput in) throws IOException {
        String string = CheckedUtf.read(in);
        if (string.length() > MAX_KEPT_BYTES) {
            return make.apply(string);
        }
        int slot = slotOf(string.hashCode());
        for (int probe = 0; probe < PROBES; probe++) {
            Entry<T> entry = slots.get((slot + probe) & (SLOTS - 1));
            if (entry != null && entry.bytes == null && entry.string.equals(string)) {
                return entry.value;
            }
        }
        T value = make.apply(string);
        keep(slot, new Entry<>(null, string, value));
        return value;
    }

    private static int slotOf(int hash) {
        return (hash ^ hash >>> 16) & (SLOTS - 1);
    }

    /** Into the first free slot of the string's probes, or over the first one. */
    private void keep(int slot, Entry<T> entry) {
        for (int probe = 0; probe < PROBES; probe++) {
            if (slots.compareAndSet((slot + probe) & (SLOTS - 1), null, entry)) {
                return;
            }
        }
        slots.set(slot, entry);
    }

    private static String decode(byte[] bytes) throws IOException {
        byte[] framed = new byte[bytes.length + 2];
        framed[0] = (byte) (bytes.length >>> 8);
        framed[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, framed, 2, bytes.length);
        return CheckedUtf.read(new DataInputStream(new ByteArrayInputStream(framed)));
    }
}
