package dev.loci.sim.picture;

import java.awt.Color;
import java.util.Map;

/** Colours for the attribute values worlds use, and one colour per robot. */
public final class Palette {
    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("red", new Color(220, 40, 40)), Map.entry("blue", new Color(40, 80, 220)),
            Map.entry("green", new Color(40, 170, 60)), Map.entry("yellow", new Color(235, 200, 30)),
            Map.entry("black", new Color(30, 30, 30)), Map.entry("white", new Color(245, 245, 245)),
            Map.entry("silver", new Color(170, 175, 185)), Map.entry("grey", new Color(128, 128, 128)),
            Map.entry("brown", new Color(140, 90, 50)));
    private static final Color[] ROBOTS = {new Color(0, 150, 255), new Color(255, 120, 0), new Color(160, 0, 200),
            new Color(0, 180, 140), new Color(230, 0, 120)};

    private Palette() {
    }

    public static Color named(String colour) {
        return NAMED.getOrDefault(colour, Color.GRAY);
    }

    public static Color robot(int index) {
        return ROBOTS[Math.floorMod(index, ROBOTS.length)];
    }
}
