package dev.loci.episodic.working;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.episodic.chunk.SummaryWriter;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.segment.AttributeKeys;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WorkingMemoryTest {
    private static final RobotId ROBOT = RobotId.of("robot_1");
    private static final String TASK = "fetch the red mug";
    private final List<StoredEvent> log = new ArrayList<>();
    private final WorkingMemory memory = new WorkingMemory(WorkingMemorySettings.DEFAULT,
            new SummaryWriter(id -> Map.of(7L, "red mug", 3L, "kitchen table").get(id)));

    private StoredEvent event(RobotId robot, EventType type, String description, String subgoal, String room,
                              Long... objects) {
        TreeMap<String, String> attributes = new TreeMap<>();
        attributes.put("task", TASK);
        if (subgoal != null) {
            attributes.put("subgoal", subgoal);
        }
        if (room != null) {
            attributes.put("room", room);
        }
        Event e = new Event(robot, Timestamp.ofSeconds(10 + 2 * log.size()), type, "tasks", description, attributes,
                Optional.of(new Vec3(log.size(), 0, 0)), List.of(objects));
        StoredEvent stored = new StoredEvent(log.size() + 1, e);
        log.add(stored);
        return stored;
    }

    private List<SubgoalSummary> observe(EventType type, String description, String subgoal, String room,
                                         Long... objects) {
        return memory.observe(event(ROBOT, type, description, subgoal, room, objects));
    }

    @Test
    void replacesAFinishedSubgoalsEventsWithItsSummaryInThePlannersView() {
        observe(EventType.TASK_STARTED, "started task fetch the red mug", null, "hallway");
        observe(EventType.ACTION, "planning a route to the kitchen", "go to the kitchen", "hallway");
        observe(EventType.ACTION, "navigated to the kitchen", "go to the kitchen", "kitchen");
        observe(EventType.OBSERVATION_BATCH, "saw the red mug on the kitchen table", "go to the kitchen", "kitchen",
                7L, 3L);
        List<SubgoalSummary> ended = observe(EventType.TASK_FINISHED, "reached the kitchen", "go to the kitchen",
                "kitchen");
        assertThat(ended).singleElement().satisfies(s -> {
            assertThat(s.subgoal()).isEqualTo("go to the kitchen");
            assertThat(s.outcome()).isEqualTo(SubgoalOutcome.FINISHED);
            assertThat(s.eventCount()).isEqualTo(4);
            assertThat(s.firstEventId()).isEqualTo(2);
            assertThat(s.lastEventId()).isEqualTo(5);
            assertThat(s.summary()).startsWith("Subgoal \"go to the kitchen\" of fetch the red mug: finished.")
                    .contains("kitchen", "red mug #7");
        });
        observe(EventType.ACTION, "reaching for the red mug", "grasp the mug", "kitchen", 7L);
        observe(EventType.ACTION, "closing the gripper", "grasp the mug", "kitchen", 7L);

        WorkingMemoryView view = memory.view(ROBOT).orElseThrow();
        assertThat(view.task()).isEqualTo(TASK);
        assertThat(view.taskOutcome()).isEmpty();
        assertThat(view.finished()).extracting(SubgoalSummary::subgoal)
                .containsExactly(WorkingMemory.BETWEEN, "go to the kitchen");
        assertThat(view.currentSubgoal()).contains("grasp the mug");
        assertThat(view.currentEvents()).extracting(StoredEvent::id).containsExactly(6L, 7L);
        String text = view.render();
        assertThat(text).contains("Task: fetch the red mug (running)", "Subgoal \"go to the kitchen\"",
                "Now: grasp the mug (2 events)", "closing the gripper")
                // the finished subgoal's events are no longer listed one by one; its summary stands for them
                .doesNotContain("action: planning a route to the kitchen", "action: navigated to the kitchen",
                        "observation_batch: saw the red mug");
    }

    @Test
    void endsTheRunningSubgoalWhenTheTaskFailsOrAnotherSubgoalBegins() {
        observe(EventType.TASK_STARTED, "started task fetch the red mug", null, "kitchen");
        observe(EventType.ACTION, "searching the counter", "find the mug", "kitchen");
        List<SubgoalSummary> superseded = observe(EventType.ACTION, "reaching for the red mug", "grasp the mug",
                "kitchen", 7L);
        assertThat(superseded).extracting(SubgoalSummary::outcome).containsExactly(SubgoalOutcome.SUPERSEDED);
        List<SubgoalSummary> failed = observe(EventType.TASK_FAILED, "failed task fetch the red mug: gripper slipped",
                null, "kitchen");
        assertThat(failed).singleElement().satisfies(s -> {
            assertThat(s.subgoal()).isEqualTo("grasp the mug");
            assertThat(s.outcome()).isEqualTo(SubgoalOutcome.FAILED);
        });
        WorkingMemoryView view = memory.view(ROBOT).orElseThrow();
        assertThat(view.taskOutcome()).contains(SubgoalOutcome.FAILED);
        assertThat(view.currentSubgoal()).isEmpty();
        assertThat(view.currentEvents()).isEmpty();
        assertThat(view.render()).contains("Task: fetch the red mug (failed)", "Now: no subgoal running");

        memory.observe(new StoredEvent(99, Event.of(ROBOT, Timestamp.ofSeconds(500), EventType.TASK_STARTED,
                "tasks", "started task charge").withAttributes(Map.of("task", "charge"))));
        assertThat(memory.view(ROBOT).orElseThrow().task()).isEqualTo("charge");
        assertThat(memory.view(ROBOT).orElseThrow().finished()).isEmpty();
    }

    @Test
    void keepsTheViewBoundedHowEverLongTheTaskRuns() {
        observe(EventType.TASK_STARTED, "started task fetch the red mug", null, "kitchen");
        for (int s = 0; s < 20; s++) {
            for (int e = 0; e < 3; e++) {
                observe(EventType.ACTION, "step " + e + " of subgoal " + s, "subgoal " + s, "kitchen");
            }
            observe(EventType.TASK_FINISHED, "done with subgoal " + s, "subgoal " + s, "kitchen");
        }
        for (int e = 0; e < 40; e++) {
            observe(EventType.ACTION, "waiting " + e, "subgoal 20", "kitchen");
        }
        WorkingMemoryView view = memory.view(ROBOT).orElseThrow();
        assertThat(view.finished()).hasSize(8);
        assertThat(view.finished().get(7).subgoal()).isEqualTo("subgoal 19");
        assertThat(view.omittedSubgoals()).isEqualTo(13); // 20 subgoals + the events between, minus 8 kept
        assertThat(view.currentEvents()).hasSize(16);
        assertThat(view.omittedEvents()).isEqualTo(24);
        assertThat(view.currentEvents().get(15).event().description()).isEqualTo("waiting 39");
        assertThat(view.render().length()).isLessThan(8 * 1024 + 16 * 200 + 400);
    }

    @Test
    void keepsRobotsApartAndIgnoresEventsOutsideAnyTask() {
        RobotId other = RobotId.of("robot_2");
        memory.observe(new StoredEvent(1, Event.of(other, Timestamp.ofSeconds(1), EventType.ROBOT_STATE, "monitor",
                "battery at 80 percent")));
        assertThat(memory.view(other)).isEmpty();
        observe(EventType.TASK_STARTED, "started task fetch the red mug", null, "kitchen");
        memory.observe(event(other, EventType.ACTION, "sweeping the floor", "sweep", "hallway"));
        assertThat(memory.view(ROBOT).orElseThrow().currentEvents()).extracting(e -> e.event().robot())
                .containsOnly(ROBOT);
        assertThat(memory.view(other).orElseThrow().currentSubgoal()).contains("sweep");
    }

    @Test
    void refusesBadSettingsNamingTheField() {
        assertThatThrownBy(() -> new WorkingMemorySettings(0, 16, AttributeKeys.DEFAULT))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("maxFinishedSubgoals"));
        assertThatThrownBy(() -> new WorkingMemorySettings(8, 5000, AttributeKeys.DEFAULT))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("maxCurrentEvents");
    }
}
