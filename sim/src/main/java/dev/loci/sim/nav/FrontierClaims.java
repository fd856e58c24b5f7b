package dev.loci.sim.nav;

import dev.loci.spatial.provenance.RobotId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Which robot is heading for which frontier, and which frontiers proved unreachable: shared by a team. */
public final class FrontierClaims {
    private final Map<Long, RobotId> claims = new HashMap<>();
    private final Set<Long> abandoned = new HashSet<>();

    public boolean available(long frontier, RobotId robot) {
        RobotId owner = claims.get(frontier);
        return !abandoned.contains(frontier) && (owner == null || owner.equals(robot));
    }

    public void claim(long frontier, RobotId robot) {
        claims.values().remove(robot);
        claims.put(frontier, robot);
    }

    public void release(RobotId robot) {
        claims.values().remove(robot);
    }

    public void abandon(long frontier) {
        abandoned.add(frontier);
        claims.remove(frontier);
    }
}
