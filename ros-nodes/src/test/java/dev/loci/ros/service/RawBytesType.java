package dev.loci.ros.service;

import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * Puts arbitrary bytes on a topic under another type's name, as a broken or hostile peer could: the bytes
 * after a valid little-endian CDR encapsulation header are whatever the test gives.
 */
final class RawBytesType implements TopicDataType<byte[][]> {
    private final String name;
    private final int maxBytes;

    RawBytesType(String name, int maxBytes) {
        this.name = name;
        this.maxBytes = maxBytes;
    }

    @Override
    public void serialize(byte[][] data, SerializedPayload payload) throws IOException {
        payload.getData().clear();
        payload.getData().put(new byte[] {0, 1, 0, 0}).put(data[0]).flip();
        payload.setLength(4 + data[0].length);
    }

    @Override
    public void deserialize(SerializedPayload payload, byte[][] data) {
        throw new UnsupportedOperationException("write only");
    }

    @Override
    public void serialize(byte[][] data, CDR cdr) {
        throw new UnsupportedOperationException("raw bytes only");
    }

    @Override
    public void deserialize(byte[][] data, CDR cdr) {
        throw new UnsupportedOperationException("write only");
    }

    @Override
    public void serialize(byte[][] data, InterchangeSerializer serializer) {
        throw new UnsupportedOperationException("raw bytes only");
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, byte[][] data) {
        throw new UnsupportedOperationException("write only");
    }

    @Override
    public void copy(byte[][] src, byte[][] dest) {
        dest[0] = src[0].clone();
    }

    @Override
    public int getTypeSize() {
        return CDR.getTypeSize(maxBytes);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public byte[][] createData() {
        return new byte[][] {new byte[0]};
    }

    @Override
    public TopicDataType<byte[][]> newInstance() {
        return new RawBytesType(name, maxBytes);
    }
}
