package dev.loci.ros.memory;

import dev.loci.ros.transport.HandWrittenCdrType;
import us.ihmc.idl.CDR;
import us.ihmc.pubsub.TopicDataType;

/**
 * sensor_msgs/LaserScan written by hand in its CDR layout: the generated type caps {@code ranges} at 100
 * beams, fewer than any real lidar has.
 */
public final class LaserScanType extends HandWrittenCdrType<LaserScanMessage> {
    static final String NAME = "sensor_msgs::msg::dds_::LaserScan_";
    /** Beams per scan at most (ranges and intensities each); DDS preallocates buffers of the largest size. */
    public static final int MAX_BEAMS = 8192;
    private static final int MAX_FRAME_ID = 255;

    public LaserScanType() {
        super(NAME);
    }

    @Override
    public void serialize(LaserScanMessage m, CDR cdr) {
        checkLength("laser scan ranges", m.ranges.length, MAX_BEAMS);
        checkLength("laser scan intensities", m.intensities.length, MAX_BEAMS);
        cdr.write_type_2(m.sec);
        cdr.write_type_4(m.nanosec);
        writeString(cdr, "laser scan frame_id", m.frameId, MAX_FRAME_ID);
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
        m.frameId = readString(cdr, "laser scan frame_id", MAX_FRAME_ID);
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
        float[] values = new float[readLength(cdr, "laser scan " + field, MAX_BEAMS)];
        for (int i = 0; i < values.length; i++) {
            values[i] = cdr.read_type_5();
        }
        return values;
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
    public LaserScanMessage createData() {
        return new LaserScanMessage();
    }

    @Override
    public TopicDataType<LaserScanMessage> newInstance() {
        return new LaserScanType();
    }
}
