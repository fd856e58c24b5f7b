package dev.loci.runtime;

import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import java.util.List;

/** What memory believed at a past instant: every object's state and every robot's profile then. */
public record WorldState(Timestamp at, List<ObjectState> objects, List<Versioned<RobotProfile>> robots) {
    public WorldState {
        objects = List.copyOf(objects);
        robots = List.copyOf(robots);
    }
}
