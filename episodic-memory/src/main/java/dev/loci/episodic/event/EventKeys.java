package dev.loci.episodic.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The order of the event log's keys ({robotKey, time, id} and the indexes' {prefix..., time, id}) and a
 * linear-time way to build a sorted map of them. The order is {@link Arrays#compare(long[], long[])}'s
 * (element by element, then shorter first), written out: the general method was most of the cost of an insert.
 */
public final class EventKeys {
    /** Lexicographic, each element as a signed long, a prefix before what extends it. */
    public static final Comparator<long[]> ORDER = EventKeys::compare;

    private EventKeys() {
    }

    private static int compare(long[] a, long[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i] ? -1 : 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * A concurrent sorted map of the {@code count} first {@code entries}, built in one pass after one sort
     * (opening a store rebuilt the event indexes one insert at a time: a third of a reopen). Keys must be
     * distinct; the array is reordered.
     */
    public static <V> ConcurrentSkipListMap<long[], V> sortedMap(Map.Entry<long[], V>[] entries, int count) {
        Arrays.sort(entries, 0, count, (x, y) -> compare(x.getKey(), y.getKey())); // ascending runs: nearly linear
        return new ConcurrentSkipListMap<>(new SortedEntries<>(entries, count));
    }

    /**
     * Just what {@link ConcurrentSkipListMap#ConcurrentSkipListMap(SortedMap)} reads (the comparator and the
     * entries in order) to build itself in linear time; nothing else is supported.
     */
    private static final class SortedEntries<V> extends AbstractMap<long[], V> implements SortedMap<long[], V> {
        private final Map.Entry<long[], V>[] entries;
        private final int count;

        SortedEntries(Map.Entry<long[], V>[] entries, int count) {
            this.entries = entries;
            this.count = count;
        }

        @Override
        public Comparator<? super long[]> comparator() {
            return ORDER;
        }

        @Override
        public Set<Map.Entry<long[], V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<long[], V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < count;
                        }

                        @Override
                        public Map.Entry<long[], V> next() {
                            if (next >= count) {
                                throw new NoSuchElementException();
                            }
                            return entries[next++];
                        }
                    };
                }

                @Override
                public int size() {
                    return count;
                }
            };
        }

        @Override
        public SortedMap<long[], V> subMap(long[] fromKey, long[] toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<long[], V> headMap(long[] toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<long[], V> tailMap(long[] fromKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long[] firstKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long[] lastKey() {
            throw new UnsupportedOperationException();
        }
    }
}
