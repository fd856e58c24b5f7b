package dev.loci.ros.fleet;

import dev.loci.runtime.fleet.FleetWire;
import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * loci_msgs/FleetPacket ({@code uint8[<=60000] data}) written by hand in its CDR layout: the generated types
 * cap sequences at 100 elements.
 */
public final class FleetPacketType implements TopicDataType<FleetPacketMessage> {
    static final String NAME = "loci_msgs::msg::dds_::FleetPacket_";
    public static final int MAX_BYTES = FleetWire.MAX_PACKET_BYTES;

    private final CDR serializeCdr = new CDR();
    private final CDR deserializeCdr = new CDR();

    @Override
    public void serialize(FleetPacketMessage data, SerializedPayload payload) throws IOException {
        serializeCdr.serialize(payload);
        serialize(data, serializeCdr);
        serializeCdr.finishSerialize();
    }

    @Override
    public void deserialize(SerializedPayload payload, FleetPacketMessage data) throws IOException {
        deserializeCdr.deserialize(payload);
        deserialize(data, deserializeCdr);
        deserializeCdr.finishDeserialize();
    }

    @Override
    public void serialize(FleetPacketMessage m, CDR cdr) {
        if (m.data.length > MAX_BYTES) {
            throw new IllegalArgumentException("fleet packet data of " + m.data.length + " bytes exceeds the maximum length "
                    + MAX_BYTES);
        }
        cdr.write_type_2(m.data.length);
        for (byte b : m.data) {
            cdr.write_type_9(b);
        }
    }

    @Override
    public void deserialize(FleetPacketMessage m, CDR cdr) {
        int length = cdr.read_type_2();
        if (length < 0 || length > MAX_BYTES) {
            throw new IllegalArgumentException("fleet packet data of " + length + " bytes, more than " + MAX_BYTES);
        }
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = cdr.read_type_9();
        }
        m.data = data;
    }

    @Override
    public void serialize(FleetPacketMessage data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException("fleet packets travel as CDR only");
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, FleetPacketMessage data) {
        throw new UnsupportedOperationException("fleet packets travel as CDR only");
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
    public String getName() {
        return NAME;
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
