package dev.loci.runtime.store.codec;

import dev.loci.spatial.provenance.RobotId;
import java.io.DataInput;
import java.io.IOException;

/**
 * Decodes robot names, reusing one validated {@link RobotId} per name: every stored record names its robot,
 * fleets have few robots, and decoding and validating the same name a million times is waste. Bounded (see
 * {@link RepeatedStrings}), so a stream of garbage names cannot grow it without limit.
 */
final class RobotNames {
    private final RepeatedStrings<RobotId> known = new RepeatedStrings<>(RobotId::new);

    RobotId read(DataInput in) throws IOException {
        return known.read(in);
    }
}
