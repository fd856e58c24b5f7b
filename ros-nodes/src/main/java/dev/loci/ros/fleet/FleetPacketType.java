package dev.loci.ros.fleet;

import dev.loci.ros.transport.HandWrittenCdrType;
import dev.loci.runtime.fleet.FleetWire;
import us.ihmc.idl.CDR;
import us.ihmc.pubsub.TopicDataType;

/**
 * loci_msgs/FleetPacket ({@code uint8[<=60000] data}) written by hand in its CDR layout: the generated types
 * cap sequences at 100 elements.
 */
public final class FleetPacketType extends HandWrittenCdrType<FleetPacketMessage> {
    static final String NAME = "loci_msgs::msg::dds_::FleetPacket_";
    public static final int MAX_BYTES = FleetWire.MAX_PACKET_BYTES;

    public FleetPacketType() {
        super(NAME);
    }

    @Override
    public void serialize(FleetPacketMessage m, CDR cdr) {
        checkLength("fleet packet data", m.data.length, MAX_BYTES);
        cdr.write_type_2(m.data.length);
        for (byte b : m.data) {
            cdr.write_type_9(b);
        }
    }

    @Override
    public void deserialize(FleetPacketMessage m, CDR cdr) {
        byte[] data = new byte[readLength(cdr, "fleet packet data", MAX_BYTES)];
        for (int i = 0; i < data.length; i++) {
            data[i] = cdr.read_type_9();
        }
        m.data = data;
    }

    @Override
    public void copy(FleetPacketMessage src, FleetPacketMessage dest) {
        dest.data = src.data.clone();
    }

    @Override
    public int getTypeSize() {
        return CDR.getTypeSize(4 + MAX_BYTES);
    }

    @Override
    public FleetPacketMessage createData() {
        return new FleetPacketMessage();
    }

    @Override
    public TopicDataType<FleetPacketMessage> newInstance() {
        return new FleetPacketType();
    }
}
