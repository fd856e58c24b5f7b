package dev.loci.launch.demo;

import dev.loci.launch.progress.ProgressLine;
import dev.loci.runtime.LociRuntime;
import dev.loci.sim.Simulation;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.task.Team;
import dev.loci.sim.task.TeamMember;
import dev.loci.sim.world.World;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Phase 1: the fleet explores the building (frontiers, then a tour of the places) so memory fills. */
final class ExplorePhase {
    /** Where each robot ended, and what exploring took. */
    record Result(Timestamp end, double seconds, Map<String, double[]> poses, Map<String, List<double[]>> trajectories,
                  RosMemoryLink.Counts sensors) {
    }

    private ExplorePhase() {
    }

    static Result run(World world, LociRuntime memory, List<FleetMember> fleet, DemoSettings settings,
                      ProgressLine progress) {
        Simulation simulation = new Simulation(world, settings.dt());
        Map<String, double[]> starts = new LinkedHashMap<>();
        for (FleetMember robot : fleet) {
            double[] start = world.spec().starts().get(robot.start());
            starts.put(robot.name(), new double[] {start[0], start[1], 0});
        }
        // the robots' sensing reaches memory over ROS 2: each robot publishes, the memory node writes
        try (RosMemoryLink link = new RosMemoryLink(memory, RosRobotWire.randomDomain(),
                RosMemoryLink.mounts(fleet, starts, simulation.time()), simulation.time())) {
            return explore(simulation, link, memory, fleet, starts, settings, progress);
        }
    }

    private static Result explore(Simulation simulation, RosMemoryLink link, LociRuntime memory,
                                  List<FleetMember> fleet, Map<String, double[]> starts, DemoSettings settings,
                                  ProgressLine progress) {
        Team team = new Team(simulation, link, DetectorSettings.DEFAULT, settings.senseEvery(), settings.seed());
        for (FleetMember robot : fleet) {
            double[] start = starts.get(robot.name());
            team.add(robot.name(), robot.body(), start[0], start[1], 0);
        }
        // how long exploring takes is not known ahead (it ends when the frontiers and places are done): a spinner
        double seconds = team.explore(settings.exploreSeconds(), t -> progress.update(Double.NaN,
                () -> String.format("t=%.0f s simulated (at most %.0f s), %d objects remembered", t,
                        settings.exploreSeconds(), memory.stats().objects())));
        Map<String, double[]> poses = new LinkedHashMap<>();
        Map<String, List<double[]>> trajectories = new LinkedHashMap<>();
        for (TeamMember member : team.members()) {
            poses.put(member.robot().id().name(),
                    new double[] {member.robot().x(), member.robot().y(), member.robot().yaw()});
            trajectories.put(member.robot().id().name(), new ArrayList<>(member.trajectory()));
        }
        link.read();
        memory.flush();
        return new Result(simulation.time(), seconds, poses, trajectories, link.counts());
    }
}
