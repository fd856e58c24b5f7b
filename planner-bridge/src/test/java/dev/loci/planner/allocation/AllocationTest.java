package dev.loci.planner.allocation;

import static dev.loci.planner.Worlds.ARM;
import static dev.loci.planner.Worlds.SCOUT;
import static dev.loci.planner.Worlds.TALL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.planner.Worlds;
import dev.loci.planner.task.Plan;
import dev.loci.planner.task.Skill;
import dev.loci.planner.task.SkillStep;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.task.TaskSpec;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationTest {
    private static final Vec3 TABLE = new Vec3(3, 3, 0);

    @TempDir
    Path dir;
    private LociRuntime memory;
    private TaskPlanner planner;
    private EmbodimentAllocator embodiment;
    private NearestRobotAllocator nearest;

    @BeforeEach
    void open() throws Exception {
        memory = LociRuntime.open(dir, LociConfig.DEFAULT);
        planner = new TaskPlanner(memory);
        embodiment = new EmbodimentAllocator(planner);
        nearest = new NearestRobotAllocator(memory, planner);
    }

    @AfterEach
    void close() throws Exception {
        memory.close();
    }

    private static List<RobotProfile> fleet() {
        return Worlds.mixedFleet(new double[] {3, 0.5}, new double[] {6, 1}, new double[] {9, 4});
    }

    @Test
    void aPickTaskNeverGoesToTheNearestRobotWhenItHasNoGripper() throws Exception {
        long mug = Worlds.see(memory, "mug", 3, 1, 0.8);

        Allocation chosen = embodiment.allocate(TaskSpec.fetch("mug", TABLE), fleet());

        Plan plan = chosen.plan().orElseThrow();
        assertThat(plan.robot()).isEqualTo(ARM);
        assertThat(plan.objectId()).contains(mug);
        assertThat(chosen.refusals()).anySatisfy(r -> assertThat(r).contains("scout").contains("pick"));
        assertThat(nearest.allocate(TaskSpec.fetch("mug", TABLE), fleet()).plan().orElseThrow().robot())
                .as("naive allocation hands it to the nearest robot, which cannot pick").isEqualTo(SCOUT);
    }

    @Test
    void anObjectOnAHighShelfGoesOnlyToATallReachRobot() throws Exception {
        Worlds.see(memory, "book", 6.5, 1, 1.7);

        Allocation chosen = embodiment.allocate(TaskSpec.fetch("book", TABLE), fleet());

        assertThat(chosen.plan().orElseThrow().robot()).isEqualTo(TALL);
        assertThat(chosen.refusals()).anySatisfy(r -> assertThat(r).contains("arm").contains("reach 1.0"));
        List<RobotProfile> shortOnly = fleet().subList(0, 2);
        Allocation none = embodiment.allocate(TaskSpec.fetch("book", TABLE), shortOnly);
        assertThat(none.plan()).isEmpty();
        assertThat(none.refusals()).hasSize(2);
    }

    @Test
    void aHeavyObjectGoesOnlyToARobotThatCanCarryIt() throws Exception {
        Worlds.see(memory, "crate", 6, 1.5, 0.3, Map.of("mass_kg", "8"));
        Worlds.see(memory, "bag", 6, 1.5, 0.3);

        assertThat(embodiment.allocate(TaskSpec.fetch("crate", TABLE), fleet()).plan().orElseThrow().robot())
                .isEqualTo(TALL);
        assertThat(embodiment.allocate(TaskSpec.fetch("bag", TABLE), fleet()).plan().orElseThrow().robot())
                .as("unknown mass, nearest capable robot").isEqualTo(ARM);
        assertThat(embodiment.allocate(TaskSpec.fetch("bag", TABLE).weighing(5), fleet()).plan().orElseThrow()
                .robot()).as("mass given by the task").isEqualTo(TALL);
    }

    @Test
    void failedAndFlatBatteryRobotsGetNoWork() throws Exception {
        Worlds.see(memory, "book", 6.5, 1, 1.7);
        List<RobotProfile> robots = new ArrayList<>(fleet());
        robots.set(2, robots.get(2).withBattery(0.1));
        robots.add(Worlds.robot(RobotId.of("tall_2"), RobotKind.TALL_REACH, 2.0, 10, Worlds.TALL_SKILLS, 6, 1)
                .withStatus(RobotStatus.FAILED));

        Allocation none = embodiment.allocate(TaskSpec.fetch("book", TABLE), robots);

        assertThat(none.plan()).isEmpty();
        assertThat(none.refusals()).anySatisfy(r -> assertThat(r).contains("tall ").contains("10% battery"));
        assertThat(none.refusals()).anySatisfy(r -> assertThat(r).contains("tall_2").contains("FAILED"));
    }

    @Test
    void pathCostFromTheMapBeatsStraightLineNearness() throws Exception {
        Worlds.mapTwoRooms(memory);
        Worlds.see(memory, "mug", 4.5, 0.6, 0.8);
        // arm is 1.1 m away through the wall (about 4 m round by the door); tall is 2 m away in the same room.
        List<RobotProfile> robots = List.of(
                Worlds.robot(ARM, RobotKind.MOBILE_MANIPULATOR, 1.0, 3, Worlds.ARM_SKILLS, 5.6, 0.6),
                Worlds.robot(TALL, RobotKind.TALL_REACH, 2.0, 10, Worlds.TALL_SKILLS, 2.5, 0.6));

        Plan chosen = embodiment.allocate(TaskSpec.fetch("mug", TABLE), robots).plan().orElseThrow();
        Plan naive = nearest.allocate(TaskSpec.fetch("mug", TABLE), robots).plan().orElseThrow();

        assertThat(chosen.robot()).isEqualTo(TALL);
        assertThat(naive.robot()).isEqualTo(ARM);
        assertThat(naive.travelMeters()).as("the naive choice drives round by the door")
                .isGreaterThan(chosen.travelMeters() + 1.5);
        assertThat(chosen.steps()).extracting(SkillStep::skill)
                .containsExactly(Skill.NAVIGATE_TO, Skill.PICK, Skill.NAVIGATE_TO, Skill.PLACE);
    }
}
