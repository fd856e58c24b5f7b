package dev.loci.sim.task;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.nav.NavStatus;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.place.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When memory has no candidate and no frontier is left: visit the places memory segmented the free space into,
 * nearest first, and look around in each (a full turn), so an object moved while nobody watched is found again.
 */
final class PlaceSearch {
    private static final double TURN_SECONDS = 5;

    private final TeamMember member;
    private final MemoryLink memory;
    private final List<Vec3> visited = new ArrayList<>();
    private Vec3 current;
    private double turningSince = Double.NaN;

    PlaceSearch(TeamMember member, MemoryLink memory) {
        this.member = member;
        this.memory = memory;
    }

    void start(double now) {
        current = null;
        turningSince = Double.NaN;
    }

    /** One step; false once every place has been visited. */
    boolean step(double now) {
        if (current == null && !next(now)) {
            return false;
        }
        if (!Double.isNaN(turningSince)) {
            member.robot().command(0, member.robot().body().maxYawRate());
            if (now - turningSince > TURN_SECONDS) {
                visited.add(current);
                current = null;
                turningSince = Double.NaN;
            }
            return true;
        }
        NavStatus status = member.navigator().step(now);
        if (status == NavStatus.ARRIVED) {
            turningSince = now;
        } else if (status == NavStatus.UNREACHABLE || status == NavStatus.STUCK) {
            visited.add(current);
            current = null;
        }
        return true;
    }

    private boolean next(double now) {
        double x = member.robot().x();
        double y = member.robot().y();
        List<Vec3> anchors = memory.read().places().places().stream().map(Place::anchor)
                .filter(a -> visited.stream().noneMatch(v -> v.distanceTo(a) < 0.5))
                .sorted(Comparator.comparingDouble((Vec3 a) -> Math.hypot(a.x() - x, a.y() - y))
                        .thenComparingDouble(Vec3::x))
                .toList();
        if (anchors.isEmpty()) {
            return false;
        }
        current = anchors.get(0);
        member.navigator().goTo(new Vec3(current.x(), current.y(), 0), 0.4, now);
        return true;
    }
}
