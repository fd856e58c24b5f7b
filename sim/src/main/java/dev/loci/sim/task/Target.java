package dev.loci.sim.task;

import dev.loci.sim.world.Solid;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.validation.Require;
import java.util.Map;

/**
 * What a task looks for: a class ("mug": any instance) or an instance described by attributes ("the red mug").
 */
public record Target(String label, Map<String, String> attributes) {
    public Target {
        Require.label("label", label);
        attributes = Map.copyOf(Require.present("attributes", attributes));
    }

    public static Target ofClass(String label) {
        return new Target(label, Map.of());
    }

    public static Target of(Solid object) {
        return new Target(object.label(), object.attributes());
    }

    public boolean matches(Solid object) {
        return object.label().equals(label) && object.attributes().entrySet().containsAll(attributes.entrySet());
    }

    public boolean matches(RememberedObject object) {
        return object.label().equals(label) && object.attributes().entrySet().containsAll(attributes.entrySet());
    }

    public boolean matches(Observation observation) {
        return observation.label().equals(label)
                && observation.attributes().entrySet().containsAll(attributes.entrySet());
    }

    @Override
    public String toString() {
        return attributes.isEmpty() ? label : attributes.values().stream().sorted().reduce("", (a, b) -> a + b + " ")
                + label;
    }
}
