package dev.loci.spatial.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellTableTest {
    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemovals() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            CellTable<String> table = new CellTable<>();
            Map<Long, String> reference = new HashMap<>();
            for (int step = 0; step < 50_000; step++) {
                // Few distinct keys, so removals hit present keys and probe chains wrap and shift.
                long key = random.nextInt(2_000) - 1_000L + ((long) random.nextInt(3) << 31);
                if (random.nextInt(3) == 0) {
                    table.remove(key);
                    reference.remove(key);
                } else {
                    String value = "v" + step;
                    table.put(key, value);
                    reference.put(key, value);
                }
                if (step % 997 == 0) {
                    for (long probe = -1_000; probe < 1_000; probe += 7) {
                        assertThat(table.get(probe)).isEqualTo(reference.get(probe));
                    }
                }
            }
            assertThat(table.size()).isEqualTo(reference.size());
            assertThat(table.values()).containsExactlyInAnyOrderElementsOf(reference.values());
            reference.forEach((key, value) -> assertThat(table.get(key)).isEqualTo(value));
        }
    }
}
