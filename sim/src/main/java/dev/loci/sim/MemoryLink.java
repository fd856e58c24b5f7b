package dev.loci.sim;

import dev.loci.episodic.event.Event;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.sim.sensor.Lidar;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.provenance.RobotId;

/**
 * The simulation's one connection to a memory: what the robots send (scans, detector frames, profiles, events)
 * and the memory they plan on. Writes do not wait; {@link #read()} returns the memory with everything written
 * before it applied and committed, so a run with a given seed is repeatable whatever the threads' timing.
 * In-process: {@link DirectMemoryLink}; over ROS 2: the launch module's link (the robots publish, the memory
 * node writes).
 */
public interface MemoryLink {
    /** A lidar sweep of {@code robot} (the reading carries its sensor pose and the raw ranges). */
    void scan(RobotId robot, Lidar.Reading reading);

    void frame(SensorFrame frame);

    void profile(RobotProfile profile);

    void event(Event event);

    /** The memory, with everything written so far applied and committed. */
    LociRuntime read();

    /** How often {@link #read()} had to wait for writes to settle. */
    long settles();
}
