package dev.loci.planner.task;

import static dev.loci.planner.Worlds.ARM;
import static dev.loci.planner.Worlds.SCOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.planner.Worlds;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskPlannerTest {
    @TempDir
    Path dir;

    private static RobotProfile scoutAt(double x, double y) {
        return Worlds.robot(SCOUT, RobotKind.WHEELED_BASE, 0, 0, Worlds.SCOUT_SKILLS, x, y);
    }

    @Test
    void findGoesToTheNearestRememberedObjectOfTheClassByPath() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.mapTwoRooms(memory);
            long sameRoom = Worlds.see(memory, "mug", 2.0, 1.6, 0.8); // 2.4 m away
            Worlds.see(memory, "mug", 5.6, 0.6, 0.8); // 1.4 m in a straight line, about 4 m round by the door

            Plan plan = new TaskPlanner(memory).plan(TaskSpec.find("mug"), scoutAt(4.2, 0.6)).plan().orElseThrow();

            assertThat(plan.objectId()).contains(sameRoom);
            assertThat(plan.steps()).extracting(SkillStep::skill).containsExactly(Skill.NAVIGATE_TO, Skill.SEARCH);
            assertThat(plan.steps().get(1).objectClass()).contains("mug");
            assertThat(plan.estimatedSeconds()).isEqualTo(plan.travelMeters() / 1.0 + Skill.SEARCH.fixedSeconds());
        }
    }

    @Test
    void findExploresTheNearestFrontierWhenMemoryHasNoSuchObject() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.mapLeftRoom(memory);
            TaskPlanner planner = new TaskPlanner(memory);

            Plan plan = planner.plan(TaskSpec.find("plant"), scoutAt(2.5, 2.5)).plan().orElseThrow();

            assertThat(plan.steps()).extracting(SkillStep::skill).containsExactly(Skill.EXPLORE, Skill.SEARCH);
            assertThat(plan.objectId()).isEmpty();
            assertThat(memory.frontiers()).as("goes to a frontier's viewpoint")
                    .anySatisfy(f -> assertThat(f.viewpoint().position().x()).isEqualTo(plan.steps().get(0).target().x()));
            assertThat(planner.plan(TaskSpec.explore(), scoutAt(2.5, 2.5)).plan().orElseThrow().steps())
                    .extracting(SkillStep::skill).containsExactly(Skill.EXPLORE);
        }
    }

    @Test
    void withNothingInMemoryAndNoFrontierTheRefusalSaysSo() throws Exception {
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Worlds.mapTwoRooms(memory);
            TaskPlanner planner = new TaskPlanner(memory);
            RobotProfile arm = Worlds.robot(ARM, RobotKind.MOBILE_MANIPULATOR, 1, 3, Worlds.ARM_SKILLS, 2, 2);

            assertThat(planner.plan(TaskSpec.find("plant"), scoutAt(2, 2)).refusal())
                    .contains("no plant in memory and no frontier");
            assertThat(planner.plan(TaskSpec.find("plant"), arm).refusal()).contains("cannot explore");
            assertThat(planner.plan(TaskSpec.fetch("plant", Vec3.ZERO), arm).refusal()).contains("find one first");
            assertThat(planner.plan(TaskSpec.deliver(42, Vec3.ZERO), scoutAt(2, 2)).refusal())
                    .contains("cannot pick");
        }
    }

    @Test
    void taskSpecsMissingWhatTheirKindNeedsAreRefusedByField() {
        assertThatThrownBy(() -> new TaskSpec(TaskKind.FETCH, Optional.of("mug"), Optional.empty(), Optional.empty(),
                OptionalDouble.empty())).isInstanceOf(InvalidValueException.class).hasMessageContaining("destination");
        assertThatThrownBy(() -> new TaskSpec(TaskKind.DELIVER, Optional.of("mug"), Optional.empty(),
                Optional.of(Vec3.ZERO), OptionalDouble.empty())).hasMessageContaining("object_id");
        assertThatThrownBy(() -> TaskSpec.find("mug").weighing(-1)).hasMessageContaining("mass_kg")
                .hasMessageContaining("-1");
    }

    @Test
    void plansSurviveTheirTextFormExactly() {
        Plan plan = new Plan(ARM, java.util.List.of(
                SkillStep.at(Skill.NAVIGATE_TO, new Vec3(0.1, 1.0 / 3, 0)),
                SkillStep.at(Skill.PICK, new Vec3(1, 2, 0.8)).on(7).lookingFor("red mug; 50% full")),
                Optional.of(7L), 3.25, 13.25);
        assertThat(TaskRecords.plan(TaskRecords.plan(plan))).isEqualTo(plan);
        TaskSpec spec = TaskSpec.fetch("cup, blue", new Vec3(1, -2, 0)).weighing(0.4);
        assertThat(TaskRecords.spec(TaskRecords.spec(spec))).isEqualTo(spec);
    }
}
