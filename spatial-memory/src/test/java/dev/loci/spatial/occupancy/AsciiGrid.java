package dev.loci.spatial.occupancy;

/**
 * Grids drawn as text for tests: the first line is the top row (highest y), '.' free (0), '#' occupied (100),
 * '?' unknown (-1). The origin is the lower-left corner.
 */
public final class AsciiGrid {
    private AsciiGrid() {
    }

    public static OccupancyGrid parse(double resolution, double originX, double originY, String... lines) {
        int height = lines.length;
        int width = lines[0].length();
        byte[] data = new byte[width * height];
        for (int line = 0; line < height; line++) {
            if (lines[line].length() != width) {
                throw new IllegalArgumentException("line " + line + " is not " + width + " wide");
            }
            int row = height - 1 - line;
            for (int col = 0; col < width; col++) {
                char c = lines[line].charAt(col);
                data[row * width + col] = switch (c) {
                    case '.' -> 0;
                    case '#' -> 100;
                    case '?' -> -1;
                    default -> throw new IllegalArgumentException("unexpected '" + c + "'");
                };
            }
        }
        return new OccupancyGrid(resolution, width, height, originX, originY, data);
    }

    public static OccupancyGrid parse(double resolution, String... lines) {
        return parse(resolution, 0, 0, lines);
    }
}
