package dev.loci.spatial.occupancy;

import java.util.function.Consumer;

/**
 * Open-addressing hash table from chunk key to chunk. Ray casting looks up a chunk every few voxels, and a
 * {@code HashMap<Long, Chunk>} would box a key on each lookup. Chunks are never removed.
 */
final class ChunkTable {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private Chunk[] chunks;
    private int size;
    private int mask;

    ChunkTable() {
        allocate(1024);
    }

    int size() {
        return size;
    }

    Chunk get(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return chunks[slot];
            }
            if (k == EMPTY) {
                return null;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(Chunk chunk) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(chunk);
    }

    void forEach(Consumer<Chunk> action) {
        for (Chunk chunk : chunks) {
            if (chunk != null) {
                action.accept(chunk);
            }
        }
    }

    private void insert(Chunk chunk) {
        int slot = slot(chunk.key);
        while (keys[slot] != EMPTY && keys[slot] != chunk.key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            size++;
        }
        keys[slot] = chunk.key;
        chunks[slot] = chunk;
    }

    private void grow() {
        Chunk[] old = chunks;
        allocate(keys.length * 2);
        for (Chunk chunk : old) {
            if (chunk != null) {
                insert(chunk);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        chunks = new Chunk[capacity];
        mask = capacity - 1;
        size = 0;
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
