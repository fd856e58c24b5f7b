package dev.loci.planner.task;

import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.Arrays;
import java.util.List;

/**
 * The skills plans are made of: what a robot executes locally. A robot can do a skill when its profile lists
 * one of the skill's profile names ({@code navigate_to} is also satisfied by the shorter {@code navigate},
 * {@code search} by {@code observe}: a robot that can look for things can search).
 */
public enum Skill {
    NAVIGATE_TO("navigate_to", List.of("navigate_to", "navigate"), 0),
    SEARCH("search", List.of("search", "observe"), 5),
    PICK("pick", List.of("pick"), 10),
    PLACE("place", List.of("place"), 5),
    EXPLORE("explore", List.of("explore"), 5);

    private final String wireName;
    private final List<String> profileNames;
    private final double fixedSeconds;

    Skill(String wireName, List<String> profileNames, double fixedSeconds) {
        this.wireName = wireName;
        this.profileNames = profileNames;
        this.fixedSeconds = fixedSeconds;
    }

    public String wireName() {
        return wireName;
    }

    /** Time the skill takes on the spot, on top of driving: used to estimate task time. */
    public double fixedSeconds() {
        return fixedSeconds;
    }

    public boolean doableBy(RobotProfile robot) {
        return profileNames.stream().anyMatch(robot::can);
    }

    public static Skill parse(String name) {
        for (Skill skill : values()) {
            if (skill.wireName.equals(name)) {
                return skill;
            }
        }
        throw new InvalidValueException("skill", name, "is not one of " + Arrays.toString(values()));
    }
}
