package dev.loci.episodic.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventKeysTest {
    @Test
    void ordersKeysExactlyAsArraysCompareDoes() {
        Random random = new Random(3);
        long[] values = {Long.MIN_VALUE, -5, -1, 0, 1, 7, Long.MAX_VALUE};
        for (int i = 0; i < 20_000; i++) {
            long[] a = randomKey(random, values);
            long[] b = randomKey(random, values);
            assertThat(Integer.signum(EventKeys.ORDER.compare(a, b))).as("%s vs %s", Arrays.toString(a),
                    Arrays.toString(b)).isEqualTo(Integer.signum(Arrays.compare(a, b)));
        }
    }

    private static long[] randomKey(Random random, long[] values) {
        long[] key = new long[1 + random.nextInt(3)];
        for (int i = 0; i < key.length; i++) {
            key[i] = random.nextBoolean() ? values[random.nextInt(values.length)] : random.nextInt(5);
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    @Test
    void buildsTheSameSortedMapAsInsertingOneByOne() {
        Random random = new Random(8);
        TreeMap<long[], Long> expected = new TreeMap<>(Arrays::compare);
        List<Map.Entry<long[], Long>> entries = new ArrayList<>();
        for (long id = 1; id <= 5_000; id++) {
            long[] key = {random.nextInt(4), random.nextInt(1_000) - 500, id};
            expected.put(key, id);
            entries.add(new SimpleImmutableEntry<>(key, id));
        }
        Collections.shuffle(entries, random);
        entries.add(new SimpleImmutableEntry<>(new long[] {9}, 0L)); // beyond count: left out
        var built = EventKeys.sortedMap(entries.toArray(new Map.Entry[0]), entries.size() - 1);
        assertThat(built).hasSize(expected.size());
        assertThat(new ArrayList<>(built.values())).isEqualTo(new ArrayList<>(expected.values()));
        long[] from = {2, 0, Long.MIN_VALUE};
        long[] to = {2, 100, Long.MAX_VALUE};
        assertThat(new ArrayList<>(built.subMap(from, true, to, true).values()))
                .isEqualTo(new ArrayList<>(expected.subMap(from, true, to, true).values()));
        built.put(new long[] {0, -1000, 0}, -1L);
        assertThat(built.firstEntry().getValue()).as("later inserts use the same order").isEqualTo(-1L);
    }
}
