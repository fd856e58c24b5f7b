package dev.loci.runtime.store.codec;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;

class ObjectStateCodecTest extends CodecContractTest<ObjectState> {
    @Override
    Codec<ObjectState> codec() {
        return new ObjectStateCodec();
    }

    @Override
    List<ObjectState> samples() {
        return List.of(
                new ObjectState(1, "mug", Vec3.ZERO, ObjectStatus.PRESENT, 0, Timestamp.ZERO, 1),
                new ObjectState(Long.MAX_VALUE, "l".repeat(64), new Vec3(-1e6, 1e6, 2), ObjectStatus.GONE, 1,
                        Timestamp.ofNanos(Long.MAX_VALUE), Long.MAX_VALUE));
    }

    @Override
    String aStoredString() {
        return "mug";
    }
}
