package dev.loci.runtime.store.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The stored binary form of one value type. Every encoding starts with a format-version byte so a newer
 * Loci can still read what an older one wrote. {@code read} must treat its input as untrusted: a damaged
 * or hostile record gives {@link CorruptRecordException}, never a huge allocation or a half-built value.
 */
public interface Codec<T> {
    void write(DataOutput out, T value) throws IOException;

    T read(DataInput in) throws IOException;
}
