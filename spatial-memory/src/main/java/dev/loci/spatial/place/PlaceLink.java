package dev.loci.spatial.place;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * Two places that share a boundary, with the widest point of the passage between them (a doorway, when the
 * places are rooms).
 *
 * @param from          the smaller place id
 * @param to            the larger place id
 * @param doorway       midpoint of the boundary cell pair with the most clearance
 * @param passageWidthM estimated free width at the doorway
 * @param contacts      number of neighbouring cell pairs across the boundary
 */
public record PlaceLink(int from, int to, Vec3 doorway, double passageWidthM, int contacts) {
    public PlaceLink {
        Require.positive("link.from", from);
        Require.positive("link.to", to);
        if (from >= to) {
            throw new InvalidValueException("link", from + "-" + to, "must have from < to");
        }
        Require.present("link.doorway", doorway);
        Require.nonNegative("link.passageWidthM", passageWidthM);
        Require.positive("link.contacts", contacts);
    }

    public boolean joins(int a, int b) {
        return (from == a && to == b) || (from == b && to == a);
    }

    public int other(int id) {
        return id == from ? to : from;
    }
}
