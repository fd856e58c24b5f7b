package dev.loci.spatial.place;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.Require;

/**
 * A region of free space, such as a room or a corridor. Coordinates are in the map frame at z = 0.
 *
 * @param id       1..N within one {@link PlaceMap}
 * @param name     "place_N" until renamed
 * @param bounds   bounding box of its cells
 * @param centroid mean of its cell centres (may lie outside the place when it is not convex)
 * @param anchor   the centre of its cell nearest the centroid: always inside, used as its goal for paths
 * @param cells    number of grid cells
 */
public record Place(int id, String name, Aabb bounds, double areaM2, Vec3 centroid, Vec3 anchor, int cells) {
    public Place {
        Require.positive("place.id", id);
        Require.label("place.name", name);
        Require.present("place.bounds", bounds);
        Require.positive("place.areaM2", areaM2);
        Require.present("place.centroid", centroid);
        Require.present("place.anchor", anchor);
        Require.positive("place.cells", cells);
    }

    static String defaultName(int id) {
        return "place_" + id;
    }

    Place withName(String newName) {
        return new Place(id, newName, bounds, areaM2, centroid, anchor, cells);
    }
}
