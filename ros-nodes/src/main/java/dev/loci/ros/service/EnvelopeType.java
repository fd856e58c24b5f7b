package dev.loci.ros.service;

import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * The DDS type of a service request or reply topic in rmw_cyclonedds' layout: {@code uint64 client_guid,
 * int64 sequence_number} written before the fields of the generated request/response type, under the type
 * name rosidl gives it ({@code pkg::srv::dds_::Name_Request_}).
 */
final class EnvelopeType<T> implements TopicDataType<Envelope<T>> {
    private static final int HEADER_BYTES = 16;

    private final TopicDataType<T> body;
    private final String typeName;
    private final CDR serializeCdr = new CDR();
    private final CDR deserializeCdr = new CDR();

    EnvelopeType(TopicDataType<T> body, String typeName) {
        this.body = body;
        this.typeName = typeName;
    }

    @Override
    public void serialize(Envelope<T> data, SerializedPayload payload) throws IOException {
        serializeCdr.serialize(payload);
        serialize(data, serializeCdr);
        serializeCdr.finishSerialize();
    }

    @Override
    public void deserialize(SerializedPayload payload, Envelope<T> data) throws IOException {
        deserializeCdr.deserialize(payload);
        deserialize(data, deserializeCdr);
        deserializeCdr.finishDeserialize();
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
    public void serialize(Envelope<T> data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException("service envelopes travel as CDR only");
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, Envelope<T> data) {
        throw new UnsupportedOperationException("service envelopes travel as CDR only");
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
    public String getName() {
        return typeName;
    }

    @Override
    public Envelope<T> createData() {
        return new Envelope<>(body.createData());
    }

    @Override
    public TopicDataType<Envelope<T>> newInstance() {
        return new EnvelopeType<>(body.newInstance(), typeName);
    }
}
