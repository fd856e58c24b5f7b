package dev.loci.ros.service;

import dev.loci.ros.transport.HandWrittenCdrType;
import us.ihmc.idl.CDR;
import us.ihmc.pubsub.TopicDataType;

/**
 * The DDS type of a service request or reply topic in rmw_cyclonedds' layout: {@code uint64 client_guid,
 * int64 sequence_number} written before the fields of the generated request/response type, under the type
 * name rosidl gives it ({@code pkg::srv::dds_::Name_Request_}).
 */
final class EnvelopeType<T> extends HandWrittenCdrType<Envelope<T>> {
    private static final int HEADER_BYTES = 16;

    private final TopicDataType<T> body;

    EnvelopeType(TopicDataType<T> body, String typeName) {
        super(typeName);
        this.body = body;
    }

    @Override
    public void serialize(Envelope<T> data, CDR cdr) {
        cdr.write_type_12(data.clientGuid);
        cdr.write_type_11(data.sequence);
        body.serialize(data.body, cdr);
    }

    @Override
    public void deserialize(Envelope<T> data, CDR cdr) {
        data.clientGuid = cdr.read_type_12();
        data.sequence = cdr.read_type_11();
        body.deserialize(data.body, cdr);
    }

    @Override
    public void copy(Envelope<T> src, Envelope<T> dest) {
        dest.clientGuid = src.clientGuid;
        dest.sequence = src.sequence;
        body.copy(src.body, dest.body);
    }

    @Override
    public int getTypeSize() {
        return body.getTypeSize() + HEADER_BYTES;
    }

    @Override
    public Envelope<T> createData() {
        return new Envelope<>(body.createData());
    }

    @Override
    public TopicDataType<Envelope<T>> newInstance() {
        return new EnvelopeType<>(body.newInstance(), getName());
    }
}
