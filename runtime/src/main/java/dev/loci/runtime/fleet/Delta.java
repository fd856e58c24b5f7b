package dev.loci.runtime.fleet;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * One committed write of one runtime, as peers receive it.
 *
 * @param origin  the runtime that made the write (named after the robot it runs on)
 * @param seq     the origin's sequence number of the write, 1, 2, 3... without gaps
 * @param context the origin's version vector just before the write: what it had applied when it wrote, so a
 *                peer applies this delta only after those (causal order)
 */
public record Delta(RobotId origin, long seq, VersionVector context, DeltaPayload payload) {
    public Delta {
        Require.present("origin", origin);
        if (seq < 1) {
            throw new InvalidValueException("seq", seq, "must be >= 1");
        }
        Require.present("context", context);
        if (context.get(origin) != seq - 1) {
            throw new InvalidValueException("context." + origin, context.get(origin),
                    "must be seq - 1 = " + (seq - 1) + " (an origin's deltas follow each other)");
        }
        Require.present("payload", payload);
    }
}
