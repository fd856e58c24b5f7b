package dev.loci.ros.memory;

/** A sensor_msgs/LaserScan as it came off (or goes onto) the wire: fields as in the .msg, not yet validated. */
public final class LaserScanMessage {
    public int sec;
    public long nanosec;
    public String frameId = "";
    public float angleMin;
    public float angleMax;
    public float angleIncrement;
    public float timeIncrement;
    public float scanTime;
    public float rangeMin;
    public float rangeMax;
    public float[] ranges = new float[0];
    public float[] intensities = new float[0];
}
