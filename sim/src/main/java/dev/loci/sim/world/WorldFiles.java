package dev.loci.sim.world;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loci.spatial.validation.InvalidValueException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads world descriptions: the bundled ones by name, or any JSON text. */
public final class WorldFiles {
    /** The worlds that ship with the simulator, as {@code /worlds/NAME.json} resources. */
    public static final List<String> BUNDLED = List.of("household", "restaurant", "supermarket");

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public WorldSpec bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new InvalidValueException("world", name, "is not one of " + BUNDLED);
        }
        try (InputStream in = WorldFiles.class.getResourceAsStream("/worlds/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("world resource missing from the jar: " + name);
            }
            return mapper.readValue(in, WorldSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read world " + name, e);
        }
    }

    public WorldSpec parse(String json) {
        try {
            return mapper.readValue(json, WorldSpec.class);
        } catch (IOException e) {
            throw new InvalidValueException("world", json.length() + " chars", "is not a world: " + e.getMessage());
        }
    }
}
