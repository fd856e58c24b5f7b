package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodicRecallTest {
    private static final RobotId ROBOT = RobotId.of("helper");

    @TempDir
    Path dir;

    private long second;

    private void happen(LociRuntime runtime, EventType type, String room, Vec3 where, String task, String what) {
        runtime.record(Event.of(ROBOT, Timestamp.ofSeconds(++second * 5), type, "tasks", what).at(where)
                .withAttributes(Map.of("room", room, "task", task)));
    }

    private void day(LociRuntime runtime) {
        String[][] rooms = {{"kitchen", "0", "0"}, {"hallway", "8", "0"}, {"bedroom", "16", "0"}, {"office", "24", "0"}};
        String[] chores = {"wipe the counter and put the red mug in the sink", "vacuum the hallway carpet",
            "make the bed and fold the blue blanket", "water the plant next to the desk"};
        for (int r = 0; r < rooms.length; r++) {
            Vec3 at = new Vec3(Double.parseDouble(rooms[r][1]), Double.parseDouble(rooms[r][2]), 0);
            String task = "chore_" + r;
            happen(runtime, EventType.TASK_STARTED, rooms[r][0], at, task, "started: " + chores[r]);
            for (int step = 0; step < 6; step++) {
                happen(runtime, EventType.ACTION, rooms[r][0], at.plus(new Vec3(step * 0.2, 0, 0)), task,
                        chores[r] + " step " + step + " in the " + rooms[r][0]);
            }
            happen(runtime, EventType.TASK_FINISHED, rooms[r][0], at, task, "finished: " + chores[r]);
        }
    }

    @Test
    void recallsEventsByQuestionBeforeAndAfterReopen() throws Exception {
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            day(runtime);
            runtime.flush();
            List<StoredEvent> found = runtime.recall("where did I put the red mug", 3);
            assertThat(found).isNotEmpty();
            assertThat(found).anySatisfy(e -> assertThat(e.event().description()).contains("red mug"));
            assertThat(found).as("the hits, with their temporal neighbours")
                    .filteredOn(e -> e.event().attributes().get("room").equals("kitchen")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(runtime.workingMemory(ROBOT)).isPresent();
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            List<StoredEvent> found = runtime.recall("folding the blue blanket on the bed", 3);
            assertThat(found).anySatisfy(e -> assertThat(e.event().description()).contains("blue blanket"));
            assertThat(found).filteredOn(e -> e.event().attributes().get("room").equals("bedroom"))
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }
}
