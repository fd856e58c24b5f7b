package dev.loci.ros.transport;

import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * The framing every hand-written CDR type shares (types whose generated form caps a sequence too low, and the
 * service envelopes): the encapsulation header around a sample, reading through {@link CheckedCdr}, CDR only
 * (no interchange formats), and bounded sequence and string lengths on both sides.
 */
public abstract class HandWrittenCdrType<T> implements TopicDataType<T> {
    private final String name;
    private final CDR serializeCdr = new CDR();
    private final CDR deserializeCdr = new CheckedCdr();

    protected HandWrittenCdrType(String name) {
        this.name = name;
    }

    @Override
    public final void serialize(T data, SerializedPayload payload) throws IOException {
        serializeCdr.serialize(payload);
        serialize(data, serializeCdr);
        serializeCdr.finishSerialize();
    }

    @Override
    public final void deserialize(SerializedPayload payload, T data) throws IOException {
        deserializeCdr.deserialize(payload);
        deserialize(data, deserializeCdr);
        deserializeCdr.finishDeserialize();
    }

    @Override
    public final void serialize(T data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException(name + " travels as CDR only");
    }

    @Override
    public final void deserialize(InterchangeSerializer serializer, T data) {
        throw new UnsupportedOperationException(name + " travels as CDR only");
    }

    @Override
    public final String getName() {
        return name;
    }

    /** Refuses to write (or accept) {@code length} elements of {@code field} beyond its {@code bound}. */
    protected static void checkLength(String field, int length, int bound) {
        if (length < 0 || length > bound) {
            throw new IllegalArgumentException(field + " of " + length + " elements, outside [0, " + bound + "]");
        }
    }

    /** A sequence length from the wire, checked against the bound before anything is allocated for it. */
    protected static int readLength(CDR cdr, String field, int bound) {
        int length = cdr.read_type_2();
        checkLength(field, length, bound);
        return length;
    }

    protected static void writeString(CDR cdr, String field, String value, int bound) {
        checkLength(field, value.length(), bound);
        cdr.write_type_d(new StringBuilder(value));
    }

    protected static String readString(CDR cdr, String field, int bound) {
        StringBuilder value = new StringBuilder();
        cdr.read_type_d(value);
        checkLength(field, value.length(), bound);
        return value.toString();
    }
}
