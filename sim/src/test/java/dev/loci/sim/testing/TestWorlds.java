package dev.loci.sim.testing;

import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;

/** Small hand-made worlds whose geometry tests can compute by hand. */
public final class TestWorlds {
    private TestWorlds() {
    }

    /** A 10 x 6 m room, walls 0.1 m thick; optional inner wall at x = 5 from y = 0 to 4.5; tables at x = 3 and 7. */
    public static World room(boolean innerWall) {
        String walls = innerWall ? "[{\"from\": [5, 0], \"to\": [5, 4.5]}]" : "[]";
        String json = """
                {"name": "test_room", "width": 10, "depth": 6, "wallHeight": 2.5, "wallThickness": 0.1,
                 "rooms": [{"name": "west", "min": [0, 0], "max": [5, 6]}, {"name": "east", "min": [5, 0], "max": [10, 6]}],
                 "walls": %s, "doors": [],
                 "furniture": [
                   {"name": "table_a", "label": "table", "center": [3, 5.2], "size": [1, 0.8, 0.75], "colour": "brown"},
                   {"name": "table_b", "label": "table", "center": [7, 3], "size": [0.6, 0.6, 0.75], "colour": "brown"}],
                 "objects": [{"label": "mug", "attributes": {"colour": "red"}, "size": [0.1, 0.1, 0.12], "on": ["table_b"]}],
                 "starts": [[1, 3]]}""".formatted(walls);
        return new WorldBuilder().build(new WorldFiles().parse(json), 7);
    }
}
