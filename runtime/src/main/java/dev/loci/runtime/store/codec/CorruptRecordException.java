package dev.loci.runtime.store.codec;

import java.io.IOException;

/** A stored or received record that does not decode: unknown format version, bad length, invalid value. */
public final class CorruptRecordException extends IOException {
    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
