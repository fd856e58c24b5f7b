package dev.loci.spatial.provenance;

import dev.loci.spatial.validation.Require;

/** Where a unit of memory came from: which robot, through which sensor or component, and when. */
public record Provenance(RobotId robot, String source, Timestamp time) {
    public Provenance {
        Require.present("robot", robot);
        Require.label("source", source);
        Require.present("time", time);
    }
}
