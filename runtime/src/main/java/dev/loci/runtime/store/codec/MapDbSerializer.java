package dev.loci.runtime.store.codec;

import java.io.IOException;
import org.mapdb.DataInput2;
import org.mapdb.DataOutput2;
import org.mapdb.serializer.GroupSerializerObjectArray;

/** Lets MapDB store values through a {@link Codec} (values only: these types are never keys). */
public final class MapDbSerializer<T> extends GroupSerializerObjectArray<T> {
    private final Codec<T> codec;

    public MapDbSerializer(Codec<T> codec) {
        this.codec = codec;
    }

    @Override
    public void serialize(DataOutput2 out, T value) throws IOException {
        codec.write(out, value);
    }

    @Override
    public T deserialize(DataInput2 in, int available) throws IOException {
        return codec.read(in);
    }

    @Override
    public int compare(T first, T second) {
        throw new UnsupportedOperationException("stored values are not ordered");
    }
}
