package dev.loci.episodic.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadOrderTest {

    @Test
    void ordersBySignedKeyKeepingTheSequenceOrderOfEqualKeys() {
        Random random = new Random(5);
        long[] keys = new long[5000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextBoolean() ? random.nextInt(50) - 25 : (random.nextBoolean() ? Long.MIN_VALUE
                    : Long.MAX_VALUE);
        }
        int[] sequence = IntStream.range(0, keys.length).map(i -> keys.length - 1 - i).toArray(); // reversed

        int[] ordered = LoadOrder.stableByKey(keys, sequence);

        int[] expected = IntStream.of(sequence).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> keys[i])) // List.sort is stable
                .mapToInt(Integer::intValue).toArray();
        assertThat(ordered).containsExactly(expected);
        assertThat(LoadOrder.stableByKey(new long[0], new int[0])).isEmpty();
    }
}
