package dev.loci.planner.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.planner.Worlds;
import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.spatial.provenance.RobotId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillTest {
    @Test
    void aRobotThatObservesCanSearchButNotPick() {
        var observer = Worlds.robot(RobotId.of("base_1"), RobotKind.WHEELED_BASE, 0, 0,
                Set.of("navigate", "observe"), 0, 0);
        assertThat(Skill.SEARCH.doableBy(observer)).isTrue();
        assertThat(Skill.NAVIGATE_TO.doableBy(observer)).isTrue();
        assertThat(Skill.PICK.doableBy(observer)).isFalse();
        assertThat(Skill.SEARCH.doableBy(Worlds.robot(RobotId.of("blind_1"), RobotKind.WHEELED_BASE, 0, 0,
                Set.of("navigate"), 0, 0))).isFalse();
    }
}
