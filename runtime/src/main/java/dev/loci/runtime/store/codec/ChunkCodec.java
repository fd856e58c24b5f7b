package dev.loci.runtime.store.codec;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.ChunkLevel;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Optional;

/**
 * Format 2: id, level, robot, span, members, event count and id range, placed events, [centroid, bounds],
 * places, objects, tasks, outcomes, summary, vector, derived-from ids, version. Format 1 (without the last two:
 * an original chunk, version 1) is still read.
 */
public final class ChunkCodec implements Codec<Chunk> {
    static final int FORMAT = 2;
    static final int FORMAT_WITHOUT_PROVENANCE = 1;
    private final RobotNames robots = new RobotNames();

    @Override
    public void write(DataOutput out, Chunk c) throws IOException {
        Fields.version(out, FORMAT);
        out.writeLong(c.id());
        out.writeByte(c.level().code());
        out.writeUTF(c.robot().name());
        out.writeLong(c.start().nanos());
        out.writeLong(c.end().nanos());
        Fields.longs(out, c.members());
        out.writeInt(c.eventCount());
        out.writeLong(c.firstEventId());
        out.writeLong(c.lastEventId());
        out.writeInt(c.placedEvents());
        if (c.placedEvents() > 0) {
            Fields.vec3(out, c.centroid().orElseThrow());
            Fields.aabb(out, c.bounds().orElseThrow());
        }
        Fields.strings(out, c.places());
        Fields.longs(out, c.objects());
        Fields.strings(out, c.tasks());
        Fields.strings(out, c.outcomes());
        out.writeUTF(c.summary());
        Fields.embedding(out, c.vector());
        Fields.longs(out, c.derivedFrom());
        out.writeInt(c.version());
    }

    @Override
    public Chunk read(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT && format != FORMAT_WITHOUT_PROVENANCE) {
            throw new CorruptRecordException("chunk format version " + format + " is unknown; this Loci reads "
                    + FORMAT_WITHOUT_PROVENANCE + " and " + FORMAT);
        }
        try {
            long id = in.readLong();
            ChunkLevel level = ChunkLevel.ofCode(in.readUnsignedByte());
            var robot = robots.read(in);
            Timestamp start = new Timestamp(in.readLong());
            Timestamp end = new Timestamp(in.readLong());
            var members = Fields.longs(in, Chunk.MAX_MEMBERS, "chunk members");
            int eventCount = in.readInt();
            long first = in.readLong();
            long last = in.readLong();
            int placed = in.readInt();
            Optional<Vec3> centroid = placed > 0 ? Optional.of(Fields.vec3(in)) : Optional.empty();
            Optional<Aabb> bounds = placed > 0 ? Optional.of(Fields.aabb(in)) : Optional.empty();
            var places = Fields.strings(in, Chunk.MAX_NAMES, "chunk places");
            var objects = Fields.longs(in, Chunk.MAX_OBJECTS, "chunk objects");
            var tasks = Fields.strings(in, Chunk.MAX_NAMES, "chunk tasks");
            var outcomes = Fields.strings(in, Chunk.MAX_NAMES, "chunk outcomes");
            String summary = Fields.utf(in);
            var vector = Fields.embedding(in);
            if (format == FORMAT_WITHOUT_PROVENANCE) {
                return new Chunk(id, level, robot, start, end, members, eventCount, first, last, placed, centroid,
                        bounds, places, objects, tasks, outcomes, summary, vector);
            }
            var derivedFrom = Fields.longs(in, Chunk.MAX_MEMBERS, "chunk derivedFrom");
            int version = in.readInt();
            return new Chunk(id, level, robot, start, end, members, eventCount, first, last, placed, centroid, bounds,
                    places, objects, tasks, outcomes, summary, vector, derivedFrom, version);
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("chunk does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
