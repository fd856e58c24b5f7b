package dev.loci.spatial.place;

import dev.loci.spatial.occupancy.CellThresholds;
import dev.loci.spatial.validation.Require;

/**
 * @param robotRadius          cells whose centre lies within this distance of an occupied cell's centre are
 *                             blocked (inflation); 0 plans for a point robot
 * @param unknownIsTraversable whether paths may cross unknown cells (optimistic exploration) or not
 * @param thresholds           which values are occupied; every known value below that is traversable
 */
public record PlannerSettings(double robotRadius, boolean unknownIsTraversable, CellThresholds thresholds) {
    public static final PlannerSettings DEFAULT = new PlannerSettings(0, false, CellThresholds.EVEN_ODDS);

    public PlannerSettings {
        Require.inRange("planner.robotRadius", robotRadius, 0, 100);
        Require.present("planner.thresholds", thresholds);
    }

    public PlannerSettings withRobotRadius(double metres) {
        return new PlannerSettings(metres, unknownIsTraversable, thresholds);
    }

    public PlannerSettings withUnknownTraversable(boolean traversable) {
        return new PlannerSettings(robotRadius, traversable, thresholds);
    }
}
