package dev.loci.sim;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.episodic.event.Event;
import dev.loci.sim.sensor.Lidar;

/**
 * The in-process {@link MemoryLink}: method calls on the runtime. Writes go in without waiting; {@link #read()}
 * first waits until everything written is committed. So every query sees exactly what was written before it,
 * whatever the writer thread's timing, and a run is repeatable; and commits (which cost file writes) happen only
 * when someone asks.
 */
public final class DirectMemoryLink implements MemoryLink {
    private final LociRuntime memory;
    private boolean unsettled;
    private long settles;

    public DirectMemoryLink(LociRuntime memory) {
        this.memory = memory;
    }

    @Override
    public void scan(RobotId robot, Lidar.Reading reading) {
        memory.ingestScan(reading.scan());
        unsettled = true;
    }

    @Override
    public void frame(SensorFrame frame) {
        memory.ingestFrame(frame);
        unsettled = true;
    }

    @Override
    public void profile(RobotProfile profile) {
        memory.updateProfile(profile, "sim");
        unsettled = true;
    }

    @Override
    public LociRuntime read() {
        if (unsettled) {
            memory.flush();
            unsettled = false;
            settles++;
        }
        return memory;
    }

    @Override
    public void event(Event event) {
        memory.record(event);
        unsettled = true;
    }

    @Override
    public long settles() {
        return settles;
    }
}
