package dev.loci.runtime.store.codec;

import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Format 1: version, provenance, then the profile's fields in declaration order. */
public final class ProfileCodec implements Codec<Versioned<RobotProfile>> {
    private final RobotNames robots = new RobotNames();
    static final int FORMAT = 1;

    @Override
    public void write(DataOutput out, Versioned<RobotProfile> versioned) throws IOException {
        Fields.version(out, FORMAT);
        out.writeLong(versioned.version());
        Fields.provenance(out, versioned.provenance());
        RobotProfile p = versioned.value();
        out.writeUTF(p.id().name());
        out.writeByte(p.kind().code());
        out.writeDouble(p.footprintRadius());
        out.writeDouble(p.maxSpeed());
        out.writeDouble(p.reachHeight());
        out.writeDouble(p.payloadKg());
        Fields.names(out, p.sensors());
        Fields.names(out, p.skills());
        out.writeDouble(p.battery());
        out.writeByte(p.status().code());
        Fields.pose(out, p.pose());
        out.writeLong(p.lastHeartbeat().nanos());
    }

    @Override
    public Versioned<RobotProfile> read(DataInput in) throws IOException {
        Fields.expectVersion(in, "robot profile", FORMAT);
        try {
            long version = in.readLong();
            var provenance = Fields.provenance(in, robots);
            RobotProfile profile = new RobotProfile(robots.read(in), RobotKind.ofCode(in.readUnsignedByte()),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                    Fields.names(in, RobotProfile.MAX_NAMES, "sensors"),
                    Fields.names(in, RobotProfile.MAX_NAMES, "skills"), in.readDouble(),
                    RobotStatus.ofCode(in.readUnsignedByte()), Fields.pose(in), new Timestamp(in.readLong()));
            return new Versioned<>(profile, version, provenance);
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("robot profile does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
