package dev.loci.runtime.store.codec;

import dev.loci.episodic.chunk.EventTrace;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Format 1: robot, time, text vector. */
public final class EventTraceCodec implements Codec<EventTrace> {
    static final int FORMAT = 1;
    private final RobotNames robots = new RobotNames();

    @Override
    public void write(DataOutput out, EventTrace trace) throws IOException {
        Fields.version(out, FORMAT);
        out.writeUTF(trace.robot().name());
        out.writeLong(trace.time().nanos());
        Fields.embedding(out, trace.vector());
    }

    @Override
    public EventTrace read(DataInput in) throws IOException {
        Fields.expectVersion(in, "event trace", FORMAT);
        try {
            return new EventTrace(robots.read(in), new Timestamp(in.readLong()), Fields.embedding(in));
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("event trace does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
