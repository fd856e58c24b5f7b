package dev.loci.sim;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.occupancy.RangeScan;

/**
 * The simulation's one connection to a memory. Writes go in without waiting; {@link #read()} first waits until
 * everything written is committed. So every query sees exactly what was written before it, whatever the writer
 * thread's timing, and a run is repeatable; and commits (which cost file writes) happen only when someone asks.
 */
public final class MemoryLink {
    private final LociRuntime memory;
    private boolean unsettled;
    private long settles;

    public MemoryLink(LociRuntime memory) {
        this.memory = memory;
    }

    public void scan(RangeScan scan) {
        memory.ingestScan(scan);
        unsettled = true;
    }

    public void frame(SensorFrame frame) {
        memory.ingestFrame(frame);
        unsettled = true;
    }

    public void profile(RobotProfile profile) {
        memory.updateProfile(profile, "sim");
        unsettled = true;
    }

    /** The memory, with everything written so far committed. */
    public LociRuntime read() {
        if (unsettled) {
            memory.flush();
            unsettled = false;
            settles++;
        }
        return memory;
    }

    /** The memory for writes that the caller waits for itself (blobs, events). */
    public LociRuntime writer() {
        unsettled = true;
        return memory;
    }

    public long settles() {
        return settles;
    }
}
