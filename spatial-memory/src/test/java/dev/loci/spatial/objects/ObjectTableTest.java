package dev.loci.spatial.objects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ObjectTableTest {
    private static final Provenance SEEN = new Provenance(RobotId.of("a"), "camera", Timestamp.ofNanos(1));

    private static RememberedObject object(long id, String label) {
        Vec3 at = new Vec3(id % 7, 1, 0.5);
        return new RememberedObject(id, label, at, new Vec3(0.1, 0.1, 0.1), at, 1, 0.5, new TreeMap<>(), SEEN, SEEN,
                0, 1, ObjectStatus.PRESENT, 0, new TreeSet<>(), List.of(), Timestamp.ofNanos(1));
    }

    @Test
    void findsEveryObjectPutAcrossGrowthAndNothingElse() {
        ObjectTable table = new ObjectTable();
        for (long id = 1; id <= 5_000; id++) {
            table.put(object(id, "cup"));
        }

        assertThat(table.size()).isEqualTo(5_000);
        assertThat(table.get(1).id()).isEqualTo(1);
        assertThat(table.get(4_321).id()).isEqualTo(4_321);
        assertThat(table.get(0)).isNull();
        assertThat(table.get(5_001)).isNull();
        assertThat(table.get(-3)).isNull();
        assertThat(table.get(Long.MAX_VALUE)).isNull();
    }

    @Test
    void replacingAnObjectKeepsTheCountAndReturnsTheNewVersion() {
        ObjectTable table = new ObjectTable();
        table.put(object(9, "cup"));
        table.put(object(9, "mug"));

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(9).label()).isEqualTo("mug");
    }

    @Test
    void visitsObjectsInAscendingIdOrderSkippingGaps() {
        ObjectTable table = new ObjectTable();
        for (long id : new long[] {4_000, 3, 70, 1}) {
            table.put(object(id, "cup"));
        }
        List<Long> visited = new ArrayList<>();

        table.forEach(o -> visited.add(o.id()));

        assertThat(visited).containsExactly(1L, 3L, 70L, 4_000L);
    }
}
