package dev.loci.ros.memory;

import java.io.IOException;
import java.util.Random;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * A hostile or broken peer's writer: claims a real message type's name (so it matches the node's subscription)
 * but every sample is random bytes of random length, behind a valid CDR encapsulation header.
 */
final class RandomPayloadType implements TopicDataType<RandomPayloadType.Garbage> {
    static final int MAX_BYTES = 512;

    static final class Garbage {
        byte[] bytes = new byte[0];

        static Garbage random(Random random) {
            Garbage g = new Garbage();
            g.bytes = new byte[random.nextInt(MAX_BYTES + 1)];
            random.nextBytes(g.bytes);
            return g;
        }
    }

    private final String typeName;
    private final CDR cdr = new CDR();

    RandomPayloadType(String typeName) {
        this.typeName = typeName;
    }

    @Override
    public void serialize(Garbage data, SerializedPayload payload) throws IOException {
        cdr.serialize(payload);
        serialize(data, cdr);
        cdr.finishSerialize();
    }

    @Override
    public void serialize(Garbage data, CDR c) {
        for (byte b : data.bytes) {
            c.write_type_9(b);
        }
    }

    @Override
    public void deserialize(SerializedPayload payload, Garbage data) {
        throw new UnsupportedOperationException("write-only");
    }

    @Override
    public void deserialize(Garbage data, CDR c) {
        throw new UnsupportedOperationException("write-only");
    }

    @Override
    public void serialize(Garbage data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, Garbage data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void copy(Garbage src, Garbage dest) {
        dest.bytes = src.bytes.clone();
    }

    @Override
    public int getTypeSize() {
        return MAX_BYTES + 64;
    }

    @Override
    public String getName() {
        return typeName;
    }

    @Override
    public Garbage createData() {
        return new Garbage();
    }

    @Override
    public TopicDataType<Garbage> newInstance() {
        return new RandomPayloadType(typeName);
    }
}
