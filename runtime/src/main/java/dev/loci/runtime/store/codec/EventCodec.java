package dev.loci.runtime.store.codec;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Format 1: robot, time, type code, source, description, attributes, [place], object ids. */
public final class EventCodec implements Codec<Event> {
    private final RobotNames robots = new RobotNames();
    /** Sources and attribute names: a few distinct ones over all events, one String each instead of one per event. */
    private final RepeatedStrings<String> names = RepeatedStrings.strings();
    /**
     * Short descriptions and attribute values, which robots' templated events repeat ("heartbeat, battery 0.82",
     * a task's name): a store holds every event in memory, and each string shared is two objects fewer for the
     * collector to copy while the store opens. Kept apart from the names, which it would otherwise evict.
     */
    private final RepeatedStrings<String> texts = RepeatedStrings.strings();
    static final int FORMAT = 1;

    @Override
    public void write(DataOutput out, Event e) throws IOException {
        Fields.version(out, FORMAT);
        out.writeUTF(e.robot().name());
        out.writeLong(e.time().nanos());
        out.writeByte(e.type().code());
        out.writeUTF(e.source());
        out.writeUTF(e.description());
        Fields.attributes(out, e.attributes());
        out.writeBoolean(e.place().isPresent());
        if (e.place().isPresent()) {
            Fields.vec3(out, e.place().get());
        }
        out.writeShort(e.objects().size());
        for (long object : e.objects()) {
            out.writeLong(object);
        }
    }

    /** As {@link Fields#attributes(DataInput, int)}, with the names shared. */
    private SortedMap<String, String> attributes(DataInput in) throws IOException {
        int count = Fields.count(in.readUnsignedShort(), Require.MAX_ATTRIBUTES, "attributes");
        SortedMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put(names.read(in), texts.read(in));
        }
        return attributes;
    }

    @Override
    public Event read(DataInput in) throws IOException {
        Fields.expectVersion(in, "event", FORMAT);
        try {
            RobotId robot = robots.read(in);
            Timestamp time = new Timestamp(in.readLong());
            EventType type = EventType.ofCode(in.readUnsignedByte());
            String source = names.read(in);
            String description = texts.read(in);
            var attributes = attributes(in);
            Optional<Vec3> place = in.readBoolean() ? Optional.of(Fields.vec3(in)) : Optional.empty();
            int count = Fields.count(in.readUnsignedShort(), Event.MAX_OBJECTS, "event objects");
            List<Long> objects = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                objects.add(in.readLong());
            }
            return new Event(robot, time, type, source, description, attributes, place, objects);
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("event does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
