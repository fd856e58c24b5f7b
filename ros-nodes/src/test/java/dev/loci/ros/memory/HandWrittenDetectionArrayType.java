package dev.loci.ros.memory;

import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * Writes loci_msgs/DetectionArray bytes by hand, as a careless or hostile non-Java peer could: more detections
 * than the bound, longer strings than the bound, or bytes that are not a DetectionArray at all.
 */
final class HandWrittenDetectionArrayType implements TopicDataType<HandWrittenDetectionArrayType.Raw> {
    static final class Raw {
        int sec = 100;
        int detections = 1;
        String classId = "mug";
        boolean garbage;
    }

    private final CDR cdr = new CDR();

    @Override
    public void serialize(Raw data, SerializedPayload payload) throws IOException {
        cdr.serialize(payload);
        serialize(data, cdr);
        cdr.finishSerialize();
    }

    @Override
    public void serialize(Raw d, CDR c) {
        if (d.garbage) {
            c.write_type_2(d.sec);
            c.write_type_2(0);
            c.write_type_2(0x7fff_fff0); // a frame_id "length" far past the end of the sample
            c.write_type_2(12345);
            return;
        }
        c.write_type_2(d.sec);
        c.write_type_4(0);
        c.write_type_d(new StringBuilder("map"));
        c.write_type_d(new StringBuilder("robot_1"));
        c.write_type_d(new StringBuilder("camera"));
        pose(c, 0, 0, 0);
        c.write_type_2(d.detections);
        for (int i = 0; i < d.detections; i++) {
            c.write_type_d(new StringBuilder("d" + i));
            c.write_type_d(new StringBuilder(d.classId));
            c.write_type_6(0.9);
            pose(c, 5 + i * 0.01, 5, 0);
            c.write_type_6(0.1);
            c.write_type_6(0.1);
            c.write_type_6(0.1);
        }
    }

    private static void pose(CDR c, double x, double y, double z) {
        c.write_type_6(x);
        c.write_type_6(y);
        c.write_type_6(z);
        c.write_type_6(0);
        c.write_type_6(0);
        c.write_type_6(0);
        c.write_type_6(1);
    }

    @Override
    public void deserialize(SerializedPayload payload, Raw data) {
        throw new UnsupportedOperationException("write-only");
    }

    @Override
    public void deserialize(Raw data, CDR cdr) {
        throw new UnsupportedOperationException("write-only");
    }

    @Override
    public void serialize(Raw data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, Raw data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void copy(Raw src, Raw dest) {
        dest.sec = src.sec;
        dest.detections = src.detections;
        dest.classId = src.classId;
        dest.garbage = src.garbage;
    }

    @Override
    public int getTypeSize() {
        return 1 << 20;
    }

    @Override
    public String getName() {
        return "loci_msgs::msg::dds_::DetectionArray_";
    }

    @Override
    public Raw createData() {
        return new Raw();
    }

    @Override
    public TopicDataType<Raw> newInstance() {
        return new HandWrittenDetectionArrayType();
    }
}
