package dev.loci.ros.memory;

import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * sensor_msgs/LaserScan written by hand in its CDR layout: the generated type caps {@code ranges} at 100
 * beams, fewer than any real lidar has.
 */
public final class LaserScanType implements TopicDataType<LaserScanMessage> {
    static final String NAME = "sensor_msgs::msg::dds_::LaserScan_";
    /** Beams per scan at most (ranges and intensities each); DDS preallocates buffers of the largest size. */
    public static final int MAX_BEAMS = 8192;
    private static final int MAX_FRAME_ID = 255;

    private final CDR serializeCdr = new CDR();
    private final CDR deserializeCdr = new CDR();

    @Override
    public void serialize(LaserScanMessage data, SerializedPayload payload) throws IOException {
        serializeCdr.serialize(payload);
        serialize(data, serializeCdr);
        serializeCdr.finishSerialize();
    }

    @Override
    public void deserialize(SerializedPayload payload, LaserScanMessage data) throws IOException {
        deserializeCdr.deserialize(payload);
        deserialize(data, deserializeCdr);
        deserializeCdr.finishDeserialize();
    }

    @Override
    public void serialize(LaserScanMessage m, CDR cdr) {
        if (m.ranges.length > MAX_BEAMS || m.intensities.length > MAX_BEAMS || m.frameId.length() > MAX_FRAME_ID) {
            throw new IllegalArgumentException("laser scan ranges/intensities/frame_id field exceeds the maximum length");
        }
        cdr.write_type_2(m.sec);
        cdr.write_type_4(m.nanosec);
        cdr.write_type_d(new StringBuilder(m.frameId));
        cdr.write_type_5(m.angleMin);
        cdr.write_type_5(m.angleMax);
        cdr.write_type_5(m.angleIncrement);
        cdr.write_type_5(m.timeIncrement);
        cdr.write_type_5(m.scanTime);
        cdr.write_type_5(m.rangeMin);
        cdr.write_type_5(m.rangeMax);
        writeFloats(cdr, m.ranges);
        writeFloats(cdr, m.intensities);
    }

    @Override
    public void deserialize(LaserScanMessage m, CDR cdr) {
        m.sec = cdr.read_type_2();
        m.nanosec = cdr.read_type_4();
        StringBuilder frame = new StringBuilder();
        cdr.read_type_d(frame);
        m.frameId = frame.toString();
        m.angleMin = cdr.read_type_5();
        m.angleMax = cdr.read_type_5();
        m.angleIncrement = cdr.read_type_5();
        m.timeIncrement = cdr.read_type_5();
        m.scanTime = cdr.read_type_5();
        m.rangeMin = cdr.read_type_5();
        m.rangeMax = cdr.read_type_5();
        m.ranges = readFloats(cdr, "ranges");
        m.intensities = readFloats(cdr, "intensities");
    }

    private static void writeFloats(CDR cdr, float[] values) {
        cdr.write_type_2(values.length);
        for (float v : values) {
            cdr.write_type_5(v);
        }
    }

    private static float[] readFloats(CDR cdr, String field) {
        int length = cdr.read_type_2();
        if (length < 0 || length > MAX_BEAMS) {
            throw new IllegalArgumentException("laser scan " + field + " of " + length + " beams, more than " + MAX_BEAMS);
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = cdr.read_type_5();
        }
        return values;
    }

    @Override
    public void serialize(LaserScanMessage data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException("laser scans travel as CDR only");
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, LaserScanMessage data) {
        throw new UnsupportedOperationException("laser scans travel as CDR only");
    }

    @Override
    public void copy(LaserScanMessage src, LaserScanMessage dest) {
        dest.sec = src.sec;
        dest.nanosec = src.nanosec;
        dest.frameId = src.frameId;
        dest.angleMin = src.angleMin;
        dest.angleMax = src.angleMax;
        dest.angleIncrement = src.angleIncrement;
        dest.timeIncrement = src.timeIncrement;
        dest.scanTime = src.scanTime;
        dest.rangeMin = src.rangeMin;
        dest.rangeMax = src.rangeMax;
        dest.ranges = src.ranges.clone();
        dest.intensities = src.intensities.clone();
    }

    @Override
    public int getTypeSize() {
        return CDR.getTypeSize(4 + 4 + 4 + MAX_FRAME_ID + 1 + 7 * 4 + 2 * (4 + 4 * MAX_BEAMS));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public LaserScanMessage createData() {
        return new LaserScanMessage();
    }

    @Override
    public TopicDataType<LaserScanMessage> newInstance() {
        return new LaserScanType();
    }
}
