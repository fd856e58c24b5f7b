package dev.loci.spatial.geometry;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AabbTest {
    private static final Aabb UNIT = new Aabb(Vec3.ZERO, new Vec3(1, 1, 1));

    @Test
    void refusesNegativeSizeOnEachAxisNamingTheBox() {
        Vec3 min = new Vec3(0, 0, 0);
        for (Vec3 max : new Vec3[] {new Vec3(-0.1, 1, 1), new Vec3(1, -0.1, 1), new Vec3(1, 1, -0.1)}) {
            assertRefused(() -> new Aabb(min, max), "box", "min " + min + " max " + max, "has a negative size");
        }
    }

    @Test
    void refusesMissingCorners() {
        assertRefused(() -> new Aabb(null, Vec3.ZERO), "box.min", "null", "is required");
        assertRefused(() -> new Aabb(Vec3.ZERO, null), "box.max", "null", "is required");
    }

    @Test
    void acceptsAPointAsABoxOfSizeZero() {
        Vec3 p = new Vec3(2, -3, 4);
        Aabb point = new Aabb(p, p);

        assertThat(point.size()).isEqualTo(Vec3.ZERO);
        assertThat(point.center()).isEqualTo(p);
        assertThat(point.contains(p)).isTrue();
    }

    @Test
    void centeredSpansHalfTheSizeEachWay() {
        Aabb box = Aabb.centered(new Vec3(1, 2, 3), new Vec3(2, 4, 0.5));

        assertThat(box.min()).isEqualTo(new Vec3(0, 0, 2.75));
        assertThat(box.max()).isEqualTo(new Vec3(2, 4, 3.25));
        assertThat(box.center()).isEqualTo(new Vec3(1, 2, 3));
        assertThat(box.size()).isEqualTo(new Vec3(2, 4, 0.5));
    }

    @Test
    void centeredRefusesNegativeSizeNamingTheAxis() {
        assertRefused(() -> Aabb.centered(Vec3.ZERO, new Vec3(-1, 1, 1)), "box.size.x", "-1.0",
                "must not be negative");
        assertRefused(() -> Aabb.centered(Vec3.ZERO, new Vec3(1, -2, 1)), "box.size.y", "-2.0");
        assertRefused(() -> Aabb.centered(Vec3.ZERO, new Vec3(1, 1, -0.5)), "box.size.z", "-0.5");
        assertRefused(() -> Aabb.centered(null, Vec3.ZERO), "box.center", "null");
        assertRefused(() -> Aabb.centered(Vec3.ZERO, null), "box.size", "null");
    }

    @Test
    void containsIsInclusiveOfTheFaces() {
        assertThat(UNIT.contains(new Vec3(0.5, 0.5, 0.5))).isTrue();
        assertThat(UNIT.contains(Vec3.ZERO)).isTrue();
        assertThat(UNIT.contains(new Vec3(1, 1, 1))).isTrue();
        assertThat(UNIT.contains(new Vec3(1, 0, 0.5))).isTrue();
    }

    @Test
    void containsRefusesPointsOutsideOnAnyAxis() {
        assertThat(UNIT.contains(new Vec3(1.0001, 0.5, 0.5))).isFalse();
        assertThat(UNIT.contains(new Vec3(0.5, -0.0001, 0.5))).isFalse();
        assertThat(UNIT.contains(new Vec3(0.5, 0.5, 1.0001))).isFalse();
        assertThat(UNIT.contains(new Vec3(-5, -5, -5))).isFalse();
    }

    @Test
    void intersectsOverlappingTouchingAndNestedBoxes() {
        Aabb overlapping = new Aabb(new Vec3(0.5, 0.5, 0.5), new Vec3(2, 2, 2));
        Aabb touching = new Aabb(new Vec3(1, 0, 0), new Vec3(2, 1, 1));
        Aabb nested = new Aabb(new Vec3(0.25, 0.25, 0.25), new Vec3(0.75, 0.75, 0.75));

        for (Aabb other : new Aabb[] {overlapping, touching, nested, UNIT}) {
            assertThat(UNIT.intersects(other)).as("%s", other).isTrue();
            assertThat(other.intersects(UNIT)).as("symmetric %s", other).isTrue();
        }
    }

    @Test
    void doesNotIntersectBoxesSeparatedOnAnyAxis() {
        Aabb[] apart = {
            new Aabb(new Vec3(1.01, 0, 0), new Vec3(2, 1, 1)),
            new Aabb(new Vec3(0, -2, 0), new Vec3(1, -0.01, 1)),
            new Aabb(new Vec3(0, 0, 1.5), new Vec3(1, 1, 2)),
        };
        for (Aabb other : apart) {
            assertThat(UNIT.intersects(other)).as("%s", other).isFalse();
            assertThat(other.intersects(UNIT)).as("symmetric %s", other).isFalse();
        }
    }
}
