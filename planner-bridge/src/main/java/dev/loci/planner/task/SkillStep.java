package dev.loci.planner.task;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Optional;

/** One skill of a plan: what to do, where, and on which object (if any). */
public record SkillStep(Skill skill, Vec3 target, Optional<Long> objectId, Optional<String> objectClass) {
    public SkillStep {
        Require.present("skill", skill);
        Require.present("target", target);
        Require.present("objectId", objectId);
        objectId.ifPresent(id -> {
            if (id < 1) {
                throw new InvalidValueException("objectId", id, "must be an object id >= 1");
            }
        });
        Require.present("objectClass", objectClass);
        objectClass.ifPresent(label -> Require.label("objectClass", label));
    }

    public static SkillStep at(Skill skill, Vec3 target) {
        return new SkillStep(skill, target, Optional.empty(), Optional.empty());
    }

    public SkillStep on(long object) {
        return new SkillStep(skill, target, Optional.of(object), objectClass);
    }

    public SkillStep lookingFor(String label) {
        return new SkillStep(skill, target, objectId, Optional.of(label));
    }
}
