package dev.loci.runtime.store.codec;

import dev.loci.episodic.working.SubgoalOutcome;
import dev.loci.episodic.working.SubgoalSummary;
import dev.loci.episodic.working.WorkingMemoryState;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Format 1: robot, task, task outcome (ordinal + 1, 0 for none), finished subgoal summaries (count, then
 * each: task, subgoal, outcome, span, event count and id range, places, objects, summary), omitted subgoals,
 * running subgoal name (flag + name), first event of the running subgoal.
 */
public final class WorkingMemoryCodec implements Codec<WorkingMemoryState> {
    static final int FORMAT = 1;
    /** More than any view keeps ({@code maxFinishedSubgoals}); guards against a corrupt count. */
    static final int MAX_SUBGOALS = 1024;
    private final RobotNames robots = new RobotNames();

    @Override
    public void write(DataOutput out, WorkingMemoryState s) throws IOException {
        Fields.version(out, FORMAT);
        out.writeUTF(s.robot().name());
        out.writeUTF(s.task());
        out.writeByte(s.taskOutcome().map(o -> o.ordinal() + 1).orElse(0));
        out.writeInt(s.finished().size());
        for (SubgoalSummary g : s.finished()) {
            out.writeUTF(g.task());
            out.writeUTF(g.subgoal());
            out.writeByte(g.outcome().ordinal());
            out.writeLong(g.start().nanos());
            out.writeLong(g.end().nanos());
            out.writeInt(g.eventCount());
            out.writeLong(g.firstEventId());
            out.writeLong(g.lastEventId());
            Fields.strings(out, g.places());
            Fields.longs(out, g.objects());
            out.writeUTF(g.summary());
        }
        out.writeInt(s.omittedSubgoals());
        out.writeBoolean(s.runningName().isPresent());
        if (s.runningName().isPresent()) {
            out.writeUTF(s.runningName().get());
        }
        out.writeLong(s.runningFromEventId());
    }

    @Override
    public WorkingMemoryState read(DataInput in) throws IOException {
        Fields.expectVersion(in, "working memory", FORMAT);
        try {
            var robot = robots.read(in);
            String task = Fields.utf(in);
            int outcomeCode = in.readUnsignedByte();
            Optional<SubgoalOutcome> taskOutcome = outcomeCode == 0 ? Optional.empty()
                    : Optional.of(outcome(outcomeCode - 1));
            int count = in.readInt();
            if (count < 0 || count > MAX_SUBGOALS) {
                throw new CorruptRecordException("working memory subgoal count " + count + " is outside [0, "
                        + MAX_SUBGOALS + "]");
            }
            List<SubgoalSummary> finished = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String goalTask = Fields.utf(in);
                String subgoal = Fields.utf(in);
                SubgoalOutcome outcome = outcome(in.readUnsignedByte());
                Timestamp start = new Timestamp(in.readLong());
                Timestamp end = new Timestamp(in.readLong());
                int events = in.readInt();
                long first = in.readLong();
                long last = in.readLong();
                var places = Fields.strings(in, MAX_SUBGOALS, "subgoal places");
                var objects = Fields.longs(in, MAX_SUBGOALS, "subgoal objects");
                finished.add(new SubgoalSummary(robot, goalTask, subgoal, outcome, start, end, events, first, last,
                        places, objects, Fields.utf(in)));
            }
            int omitted = in.readInt();
            Optional<String> running = in.readBoolean() ? Optional.of(Fields.utf(in)) : Optional.empty();
            return new WorkingMemoryState(robot, task, taskOutcome, finished, omitted, running, in.readLong());
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("working memory does not decode: " + invalid.getMessage(), invalid);
        }
    }

    private static SubgoalOutcome outcome(int ordinal) throws CorruptRecordException {
        SubgoalOutcome[] all = SubgoalOutcome.values();
        if (ordinal >= all.length) {
            throw new CorruptRecordException("subgoal outcome " + ordinal + " is unknown");
        }
        return all[ordinal];
    }
}
