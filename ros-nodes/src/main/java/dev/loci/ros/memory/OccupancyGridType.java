package dev.loci.ros.memory;

import dev.loci.ros.transport.HandWrittenCdrType;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.provenance.Timestamp;
import us.ihmc.idl.CDR;
import us.ihmc.pubsub.TopicDataType;

/**
 * nav_msgs/OccupancyGrid written by hand in its CDR layout. The generated type in ros2-common-interfaces
 * caps {@code data} at 100 cells (and drops anything larger with a log line), so it cannot carry a map.
 */
final class OccupancyGridType extends HandWrittenCdrType<GridMessage> {
    static final String NAME = "nav_msgs::msg::dds_::OccupancyGrid_";
    /** 1024 x 1024 cells at most (DDS preallocates buffers of the largest size). */
    static final int MAX_CELLS = 1024 * 1024;
    private static final int MAX_FRAME_ID = 255;

    OccupancyGridType() {
        super(NAME);
    }

    @Override
    public void serialize(GridMessage m, CDR cdr) {
        OccupancyGrid g = m.grid;
        checkLength("occupancy grid data", g.cellCount(), MAX_CELLS);
        writeTime(cdr, m.stamp);                       // header.stamp
        writeString(cdr, "occupancy grid frame_id", m.frameId, MAX_FRAME_ID);
        writeTime(cdr, m.stamp);                       // info.map_load_time
        cdr.write_type_5((float) g.resolution());
        cdr.write_type_4(g.width());
        cdr.write_type_4(g.height());
        cdr.write_type_6(g.originX());                 // info.origin.position
        cdr.write_type_6(g.originY());
        cdr.write_type_6(0);
        cdr.write_type_6(0);                           // info.origin.orientation x, y, z, w
        cdr.write_type_6(0);
        cdr.write_type_6(0);
        cdr.write_type_6(1);
        byte[] cells = g.data();
        cdr.write_type_2(cells.length);
        for (byte cell : cells) {
            cdr.write_type_9(cell);
        }
    }

    @Override
    public void deserialize(GridMessage m, CDR cdr) {
        m.stamp = readTime(cdr);
        m.frameId = readString(cdr, "occupancy grid frame_id", MAX_FRAME_ID);
        readTime(cdr);
        double resolution = cdr.read_type_5();
        int width = (int) cdr.read_type_4();
        int height = (int) cdr.read_type_4();
        double originX = cdr.read_type_6();
        double originY = cdr.read_type_6();
        for (int i = 0; i < 5; i++) {
            cdr.read_type_6();
        }
        byte[] cells = new byte[readLength(cdr, "occupancy grid data", MAX_CELLS)];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cdr.read_type_9();
        }
        m.grid = new OccupancyGrid(resolution, width, height, originX, originY, cells);
    }

    private static void writeTime(CDR cdr, Timestamp t) {
        cdr.write_type_2((int) Math.min(Integer.MAX_VALUE, t.nanos() / 1_000_000_000L));
        cdr.write_type_4(t.nanos() % 1_000_000_000L);
    }

    private static Timestamp readTime(CDR cdr) {
        long sec = cdr.read_type_2();
        long nanosec = cdr.read_type_4();
        return Timestamp.ofNanos(Math.max(0, sec) * 1_000_000_000L + nanosec);
    }

    @Override
    public void copy(GridMessage src, GridMessage dest) {
        dest.stamp = src.stamp;
        dest.frameId = src.frameId;
        dest.grid = src.grid;
    }

    @Override
    public int getTypeSize() {
        return CDR.getTypeSize(4 + 4 + 4 + MAX_FRAME_ID + 1 + 8 + 4 + 4 + 4 + 7 * 8 + 4 + MAX_CELLS);
    }

    @Override
    public GridMessage createData() {
        return new GridMessage();
    }

    @Override
    public TopicDataType<GridMessage> newInstance() {
        return new OccupancyGridType();
    }
}
