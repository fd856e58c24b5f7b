package dev.loci.episodic.chunk;

import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;

/**
 * What chunk memory keeps of each event, keyed by the event's id: whose it is, when, and its text vector (so
 * neither reopening nor retrieval has to embed events again).
 */
public record EventTrace(RobotId robot, Timestamp time, Embedding vector) {
    public EventTrace {
        Require.present("robot", robot);
        Require.present("time", time);
        Require.present("vector", vector);
    }
}
