package dev.loci.runtime.fleet;

import dev.loci.runtime.store.codec.CheckedUtf;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.provenance.RobotId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What runtimes send each other, as bytes for any transport. Format 1: version byte, kind (1 deltas, 2 vector),
 * sender name, then for deltas a count and each delta's length + {@link DeltaCodec} bytes, for a vector the
 * vector. A packet is at most {@link #MAX_PACKET_BYTES}; {@link #packDeltas} splits batches to fit.
 */
public final class FleetWire {
    static final int FORMAT = 1;
    /** The byte-sequence bound of the transport message (loci_msgs/FleetPacket). */
    public static final int MAX_PACKET_BYTES = 60_000;
    private static final int DELTAS = 1;
    private static final int VECTOR = 2;

    /** A decoded packet: deltas from a sender, or the sender's version vector (its request and acknowledgement). */
    public record Packet(RobotId sender, List<Delta> deltas, VersionVector vector) {
        public boolean isVector() {
            return deltas.isEmpty();
        }
    }

    private final DeltaCodec codec = new DeltaCodec();

    /** Packs deltas into as few packets as fit the bound, in order. */
    public List<byte[]> packDeltas(RobotId sender, List<Delta> deltas) {
        List<byte[]> packets = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        int size = headerSize(sender);
        for (Delta delta : deltas) {
            byte[] encoded = codec.encode(delta);
            if (encoded.length + 4 + headerSize(sender) > MAX_PACKET_BYTES) {
                throw new IllegalArgumentException("delta " + delta.origin() + "#" + delta.seq() + " of "
                        + encoded.length + " bytes does not fit a packet of " + MAX_PACKET_BYTES);
            }
            if (size + 4 + encoded.length > MAX_PACKET_BYTES || current.size() == 0xffff) {
                packets.add(deltaPacket(sender, current));
                current = new ArrayList<>();
                size = headerSize(sender);
            }
            current.add(encoded);
            size += 4 + encoded.length;
        }
        if (!current.isEmpty()) {
            packets.add(deltaPacket(sender, current));
        }
        return packets;
    }

    public byte[] vectorPacket(RobotId sender, VersionVector vector) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(VECTOR);
            out.writeUTF(sender.name());
            DeltaCodec.writeVector(out, vector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a packet; anything malformed gives {@link CorruptRecordException} and nothing half-read. */
    public Packet decode(byte[] packet) throws CorruptRecordException {
        if (packet.length > MAX_PACKET_BYTES) {
            throw new CorruptRecordException("fleet packet of " + packet.length + " bytes, more than " + MAX_PACKET_BYTES);
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(packet));
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new CorruptRecordException("fleet packet format version " + format + " is unknown; this Loci reads " + FORMAT);
            }
            int kind = in.readUnsignedByte();
            RobotId sender = new RobotId(CheckedUtf.read(in));
            Packet decoded;
            if (kind == VECTOR) {
                decoded = new Packet(sender, List.of(), DeltaCodec.readVector(in));
            } else if (kind == DELTAS) {
                int count = in.readUnsignedShort();
                List<Delta> deltas = new ArrayList<>(Math.min(count, 1024));
                for (int i = 0; i < count; i++) {
                    int length = in.readInt();
                    if (length < 1 || length > in.available()) {
                        throw new CorruptRecordException("delta length " + length + " with " + in.available() + " bytes left");
                    }
                    byte[] encoded = new byte[length];
                    in.readFully(encoded);
                    deltas.add(codec.decode(encoded));
                }
                if (deltas.isEmpty()) {
                    throw new CorruptRecordException("delta packet without deltas");
                }
                decoded = new Packet(sender, List.copyOf(deltas), VersionVector.EMPTY);
            } else {
                throw new CorruptRecordException("fleet packet kind " + kind + " is unknown");
            }
            if (in.available() != 0) {
                throw new CorruptRecordException("fleet packet has " + in.available() + " trailing bytes");
            }
            return decoded;
        } catch (CorruptRecordException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new CorruptRecordException("fleet packet does not decode: " + e.getMessage(), e);
        }
    }

    private static int headerSize(RobotId sender) {
        return 2 + 2 + sender.name().length() * 3 + 2;
    }

    private static byte[] deltaPacket(RobotId sender, List<byte[]> deltas) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(DELTAS);
            out.writeUTF(sender.name());
            out.writeShort(deltas.size());
            for (byte[] delta : deltas) {
                out.writeInt(delta.length);
                out.write(delta);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
