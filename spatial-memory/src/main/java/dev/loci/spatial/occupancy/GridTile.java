package dev.loci.spatial.occupancy;

/**
 * A square of {@link #SIZE} x {@link #SIZE} 2D cells, the footprint of one column of voxel chunks. Tile
 * (tx, ty) covers global cells {@code [tx*SIZE, tx*SIZE+SIZE)} x {@code [ty*SIZE, ty*SIZE+SIZE)}, where the
 * global cell of x is {@code floor(x / resolution)}. Scans report the tiles they touched so that projections
 * and frontiers re-examine only those.
 */
public record GridTile(int tx, int ty) {
    public static final int SIZE = Chunk.SIZE;

    public int firstCellX() {
        return tx * SIZE;
    }

    public int firstCellY() {
        return ty * SIZE;
    }

    /** The tile holding global cell (gx, gy). */
    public static GridTile containing(int gx, int gy) {
        return new GridTile(Math.floorDiv(gx, SIZE), Math.floorDiv(gy, SIZE));
    }

    long key() {
        return key(tx, ty);
    }

    /**
     * A unique key for hash maps. Packing (tx, ty) into one long alone would hash badly: {@code Long.hashCode}
     * folds it to {@code tx ^ ty}, which collides along every diagonal, so the packed value is also multiplied
     * by an odd constant (a bijection, so keys stay unique).
     */
    static long key(int tx, int ty) {
        return (((long) tx << 32) | (ty & 0xFFFF_FFFFL)) * 0x9E37_79B9_7F4A_7C15L;
    }
}
