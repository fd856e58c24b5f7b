package dev.loci.sim.world;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Map;

/**
 * A world as written in a resource file ({@code /worlds/NAME.json}): a rectangular floor with perimeter walls,
 * inner walls with doors cut into them, rooms (named areas), furniture, and movable labelled objects that are
 * placed at random (from the seed) on one of the furniture pieces each lists. Coordinates are metres in the
 * map frame (x east, y north, z up).
 */
public record WorldSpec(String name, double width, double depth, double wallHeight, double wallThickness,
                        List<Room> rooms, List<Wall> walls, List<Door> doors, List<Furniture> furniture,
                        List<ObjectSpec> objects, List<double[]> starts) {

    public WorldSpec {
        Require.label("name", name);
        Require.inRange("width", width, 1, 200);
        Require.inRange("depth", depth, 1, 200);
        Require.inRange("wallHeight", wallHeight, 0.5, 10);
        Require.inRange("wallThickness", wallThickness, 0.02, 1);
        rooms = List.copyOf(Require.present("rooms", rooms));
        walls = List.copyOf(Require.present("walls", walls));
        doors = List.copyOf(Require.present("doors", doors));
        furniture = List.copyOf(Require.present("furniture", furniture));
        objects = List.copyOf(Require.present("objects", objects));
        starts = List.copyOf(Require.present("starts", starts));
        if (starts.isEmpty()) {
            throw new InvalidValueException("starts", "[]", "needs at least one robot start");
        }
        for (double[] start : starts) {
            point("starts[]", start, 2);
        }
    }

    /** A named area, used to say where things are ("kitchen"). */
    public record Room(String name, double[] min, double[] max) {
        public Room {
            Require.label("room.name", name);
            point("room.min", min, 2);
            point("room.max", max, 2);
        }

        public boolean contains(double x, double y) {
            return x >= min[0] && x <= max[0] && y >= min[1] && y <= max[1];
        }
    }

    /** An axis-aligned wall from one point to another, floor to {@code wallHeight}. */
    public record Wall(double[] from, double[] to) {
        public Wall {
            point("wall.from", from, 2);
            point("wall.to", to, 2);
            if (from[0] != to[0] && from[1] != to[1]) {
                throw new InvalidValueException("wall", List.of(from[0], from[1], to[0], to[1]),
                        "must be axis-aligned");
            }
        }
    }

    /** A gap of {@code width} metres cut into the wall that passes through {@code center}. */
    public record Door(double[] center, double width) {
        public Door {
            point("door.center", center, 2);
            Require.inRange("door.width", width, 0.3, 5);
        }
    }

    /** A static box standing on the floor; objects may be placed on its top. */
    public record Furniture(String name, String label, double[] center, double[] size, String colour) {
        public Furniture {
            Require.name("furniture.name", name);
            Require.label("furniture.label", label);
            point("furniture.center", center, 2);
            point("furniture.size", size, 3);
            for (double s : size) {
                Require.positive("furniture.size", s);
            }
            Require.label("furniture.colour", colour);
        }
    }

    /** A movable object, placed on one of the furniture pieces named in {@code on}. */
    public record ObjectSpec(String label, Map<String, String> attributes, double[] size, List<String> on) {
        public ObjectSpec {
            Require.label("object.label", label);
            attributes = Map.copyOf(Require.present("object.attributes", attributes));
            Require.attributes("object.attributes", attributes);
            point("object.size", size, 3);
            for (double s : size) {
                Require.inRange("object.size", s, 0.02, 2);
            }
            on = List.copyOf(Require.present("object.on", on));
            if (on.isEmpty()) {
                throw new InvalidValueException("object.on", "[]", "names no furniture for " + label);
            }
        }
    }

    static double[] point(String field, double[] value, int dimensions) {
        Require.present(field, value);
        if (value.length != dimensions) {
            throw new InvalidValueException(field, value.length + " numbers", "needs " + dimensions);
        }
        for (double v : value) {
            Require.inRange(field, v, -1000, 1000);
        }
        return value.clone();
    }
}
