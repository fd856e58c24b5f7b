package dev.loci.runtime.store.codec;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.observation.BlobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class FrameCodecTest extends CodecContractTest<FrameRecord> {
    @Override
    Codec<FrameRecord> codec() {
        return new FrameCodec();
    }

    @Override
    List<FrameRecord> samples() {
        List<Long> many = new ArrayList<>();
        List<Double> qualities = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            many.add((long) i + 1);
            qualities.add(i / 256.0);
        }
        return List.of(
                new FrameRecord(1, Samples.ROBOT, Samples.TIME, "camera", Pose.IDENTITY, FieldOfView.RGBD,
                        Optional.empty(), 0, List.of(), List.of()),
                new FrameRecord(9, Samples.ROBOT, Samples.TIME, "camera_front", Pose.of(1, -2, 1.5, 2.5),
                        new FieldOfView(1, 0.5, 0, 12), Optional.of(new BlobId(77)), 1000, List.of(4L, 5L),
                        List.of(0.25, 1.0)),
                new FrameRecord(Long.MAX_VALUE, Samples.ROBOT, Samples.TIME, "c", Pose.IDENTITY, FieldOfView.RGBD,
                        Optional.of(new BlobId(0)), Long.MAX_VALUE, many, qualities));
    }
}
