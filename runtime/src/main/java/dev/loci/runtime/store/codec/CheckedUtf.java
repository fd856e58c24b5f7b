package dev.loci.runtime.store.codec;

import java.io.DataInput;
import java.io.IOException;
import java.io.UTFDataFormatException;

/**
 * The one reader of {@code writeUTF} strings from untrusted bytes (store records, fleet packets, vector
 * records): bytes that are not modified UTF-8 are a {@link CorruptRecordException}, not a bare format error.
 */
public final class CheckedUtf {
    private CheckedUtf() {
    }

    public static String read(DataInput in) throws IOException {
        try {
            return in.readUTF();
        } catch (UTFDataFormatException malformed) {
            throw new CorruptRecordException("string does not decode: " + malformed.getMessage(), malformed);
        }
    }
}
