package dev.loci.spatial.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Open-addressing hash table from packed cell keys to values. {@code Long.hashCode} folds the two halves of
 * a packed (x, y) key together so neighbouring cells collide badly; this table mixes all 64 bits instead
 * and avoids boxing on the query path.
 */
final class CellTable<V> {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    CellTable() {
        allocate(64);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return (V) values[slot];
            }
            if (k == EMPTY) {
                return null;
            }
            slot = (slot + 1) & mask;
        }
    }

    void put(long key, V value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int slot = slot(key);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** Removes {@code key}; backward-shift deletion keeps probe chains intact without tombstones. */
    void remove(long key) {
        int slot = slot(key);
        while (keys[slot] != key) {
            if (keys[slot] == EMPTY) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        size--;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = slot(keys[next]);
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    @SuppressWarnings("unchecked")
    List<V> values() {
        List<V> all = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                all.add((V) values[i]);
            }
        }
        return all;
    }

    private int slot(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(keys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                size++;
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        values = new Object[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
