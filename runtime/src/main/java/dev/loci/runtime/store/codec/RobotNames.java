package dev.loci.runtime.store.codec;

import dev.loci.spatial.provenance.RobotId;
import java.io.DataInput;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes robot names, reusing one validated {@link RobotId} per name: every stored record names its robot,
 * fleets have few robots, and validating the same name a million times is waste. Bounded, so a stream of
 * garbage names cannot grow it without limit.
 */
final class RobotNames {
    private static final int LIMIT = 4096;
    private final ConcurrentHashMap<String, RobotId> known = new ConcurrentHashMap<>();

    RobotId read(DataInput in) throws IOException {
        String name = Fields.utf(in);
        RobotId robot = known.get(name);
        if (robot != null) {
            return robot;
        }
        robot = new RobotId(name);
        if (known.size() < LIMIT) {
            known.put(name, robot);
        }
        return robot;
    }
}
