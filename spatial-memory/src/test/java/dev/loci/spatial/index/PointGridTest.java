package dev.loci.spatial.index;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PointGridTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesCellSizeThatIsNotPositiveAndFinite(double cellSize) {
        assertRefused(() -> new PointGrid(cellSize), "cellSize", String.valueOf(cellSize),
                "must be positive and finite");
    }

    @Test
    void emptyGridAnswersNothing() {
        PointGrid grid = new PointGrid(1);

        assertThat(grid.size()).isZero();
        assertThat(grid.ids()).isEmpty();
        assertThat(grid.within(Vec3.ZERO, 100)).isEmpty();
        assertThat(grid.within(new Vec3(-5, 7, 0), 0)).isEmpty();
        assertThat(grid.nearest(Vec3.ZERO, 10)).isEmpty();
    }

    @Test
    void gridEmptiedByRemovalsAnswersNothing() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(3, 3, 0));
        grid.insert(2, new Vec3(-3, 3, 0));

        assertThat(grid.remove(1, new Vec3(3, 3, 0))).isTrue();
        assertThat(grid.remove(2, new Vec3(-3, 3, 0))).isTrue();

        assertThat(grid.size()).isZero();
        assertThat(grid.within(Vec3.ZERO, 10)).isEmpty();
        assertThat(grid.nearest(Vec3.ZERO, 3)).isEmpty();
    }

    @Test
    void nearestWithKZeroIsEmpty() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, Vec3.ZERO);

        assertThat(grid.nearest(Vec3.ZERO, 0)).isEmpty();
    }

    @Test
    void refusesNegativeK() {
        PointGrid grid = new PointGrid(1);

        assertRefused(() -> grid.nearest(Vec3.ZERO, -1), "k", "-1", "must not be negative");
    }

    @Test
    void refusesNegativeOrNonFiniteRadius() {
        PointGrid grid = new PointGrid(1);

        assertRefused(() -> grid.within(Vec3.ZERO, -0.1), "radius", "-0.1", "must be finite and not negative");
        assertRefused(() -> grid.within(Vec3.ZERO, Double.NaN), "radius", "NaN");
        assertRefused(() -> grid.within(Vec3.ZERO, Double.POSITIVE_INFINITY), "radius", "Infinity");
    }

    @Test
    void radiusZeroFindsOnlyPointsExactlyAtTheCentre() {
        PointGrid grid = new PointGrid(0.5);
        Vec3 spot = new Vec3(1.25, -0.75, 0.3);
        grid.insert(1, spot);
        grid.insert(2, spot);
        grid.insert(3, new Vec3(1.25, -0.75, 0.3000001));
        grid.insert(4, new Vec3(1.2500001, -0.75, 0.3));

        assertThat(grid.within(spot, 0)).containsExactlyInAnyOrder(1, 2);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 2, 5, 20})
    void includesPointsExactlyOnTheRadius(double cellSize) {
        PointGrid grid = new PointGrid(cellSize);
        grid.insert(1, new Vec3(3, 4, 0));
        grid.insert(2, new Vec3(-3, -4, 0));
        grid.insert(3, new Vec3(5, 0, 0));
        grid.insert(4, new Vec3(0, -5, 0));
        grid.insert(5, new Vec3(0, 0, 5));
        grid.insert(6, new Vec3(4, -3, 0));
        grid.insert(7, new Vec3(3, 4, 0.001));
        grid.insert(8, new Vec3(-5.000001, 0, 0));
        grid.insert(9, new Vec3(0, 5.01, 0));

        assertThat(grid.within(Vec3.ZERO, 5)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void includesPointOnRadiusInTheNextCell() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(2.0, 0.5, 0));
        grid.insert(2, new Vec3(-1.0, 0.5, 0));
        grid.insert(3, new Vec3(0.5, 2.0, 0));
        grid.insert(4, new Vec3(0.5, -1.0, 0));
        grid.insert(5, new Vec3(2.0, 2.0, 0));

        assertThat(grid.within(new Vec3(0.5, 0.5, 0), 1.5)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void nearestBreaksTiesById() {
        PointGrid grid = new PointGrid(1);
        grid.insert(40, new Vec3(1, 0, 0));
        grid.insert(10, new Vec3(-1, 0, 0));
        grid.insert(30, new Vec3(0, 1, 0));
        grid.insert(20, new Vec3(0, -1, 0));
        grid.insert(-5, new Vec3(0, 0, 2));

        assertThat(grid.nearest(Vec3.ZERO, 4)).containsExactly(10, 20, 30, 40);
        assertThat(grid.nearest(Vec3.ZERO, 2)).containsExactly(10, 20);
        assertThat(grid.nearest(Vec3.ZERO, 10)).containsExactly(10, 20, 30, 40, -5);
    }

    @Test
    void nearestAccountsForHeightNotJustTheColumn() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(0.5, 0.5, 10));   // same column, far above
        grid.insert(2, new Vec3(3.5, 0.5, 0));    // three columns away, level

        assertThat(grid.nearest(new Vec3(0.5, 0.5, 0), 1)).containsExactly(2);
        assertThat(grid.nearest(new Vec3(0.5, 0.5, 0), 2)).containsExactly(2, 1);
    }

    @Test
    void nearestFindsPointsFarOutsideTheQueryCell() {
        PointGrid grid = new PointGrid(0.25);
        grid.insert(7, new Vec3(-300, 200, 0));
        grid.insert(8, new Vec3(-301, 200, 0));

        assertThat(grid.nearest(new Vec3(500, -500, 3), 1)).containsExactly(7);
        assertThat(grid.nearest(new Vec3(-1000, 200, 0), 5)).containsExactly(8, 7);
    }

    @Test
    void refusesCoordinatesBeyondOneMillionMetres() {
        PointGrid grid = new PointGrid(1);

        assertRefused(() -> grid.insert(1, new Vec3(1_000_000.5, 0, 0)), "x", "1000000.5",
                "is outside +-1000000.0 m");
        assertRefused(() -> grid.insert(1, new Vec3(0, -1e7, 0)), "y", "-1.0E7", "is outside");
        assertThat(grid.size()).isZero();
        assertThat(grid.ids()).isEmpty();
    }

    @Test
    void acceptsCoordinatesExactlyAtTheLimit() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(1e6, 1e6, 0));
        grid.insert(2, new Vec3(-1e6, -1e6, 0));
        grid.insert(3, new Vec3(1e6, -1e6, 0));

        assertThat(grid.within(new Vec3(1e6, 1e6, 0), 1)).containsExactly(1);
        assertThat(grid.nearest(new Vec3(-1e6 + 1, -1e6, 0), 1)).containsExactly(2);
        assertThat(grid.nearest(new Vec3(0, 0, 0), 3)).containsExactly(1, 2, 3);
    }

    @Test
    void moveOutOfRangeIsRefusedAndLeavesThePointWhereItWas() {
        PointGrid grid = new PointGrid(1);
        Vec3 at = new Vec3(10, 10, 0);
        grid.insert(1, at);

        assertRefused(() -> grid.move(1, at, new Vec3(2e6, 10, 0)), "x", "2000000.0");

        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.within(at, 0)).containsExactly(1);
    }

    @Test
    void moveWithinACellUpdatesThePosition() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(0.1, 0.1, 0));

        grid.move(1, new Vec3(0.1, 0.1, 0), new Vec3(0.9, 0.9, 2));

        assertThat(grid.within(new Vec3(0.1, 0.1, 0), 0.5)).isEmpty();
        assertThat(grid.within(new Vec3(0.9, 0.9, 2), 0)).containsExactly(1);
        assertThat(grid.size()).isEqualTo(1);
    }

    @Test
    void moveAcrossCellsUpdatesThePosition() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(0.5, 0.5, 0));
        grid.insert(2, new Vec3(0.6, 0.5, 0));

        grid.move(1, new Vec3(0.5, 0.5, 0), new Vec3(-7.5, 3.5, 0));

        assertThat(grid.within(new Vec3(0.5, 0.5, 0), 0.2)).containsExactly(2);
        assertThat(grid.nearest(new Vec3(-7, 3, 0), 1)).containsExactly(1);
        assertThat(grid.size()).isEqualTo(2);
    }

    @Test
    void moveOfUnknownPointFails() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(0.5, 0.5, 0));

        assertThatThrownBy(() -> grid.move(2, new Vec3(0.5, 0.5, 0), new Vec3(0.6, 0.6, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("point 2");
        assertThatThrownBy(() -> grid.move(1, new Vec3(5.5, 0.5, 0), new Vec3(0.6, 0.6, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("point 1");
        assertThat(grid.within(new Vec3(0.5, 0.5, 0), 0)).containsExactly(1);
    }

    @Test
    void removeReportsWhetherThePointWasThere() {
        PointGrid grid = new PointGrid(1);
        grid.insert(1, new Vec3(0.5, 0.5, 0));

        assertThat(grid.remove(2, new Vec3(0.5, 0.5, 0))).isFalse();
        assertThat(grid.remove(1, new Vec3(3.5, 0.5, 0))).as("wrong cell").isFalse();
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.remove(1, new Vec3(0.5, 0.5, 0))).isTrue();
        assertThat(grid.remove(1, new Vec3(0.5, 0.5, 0))).isFalse();
        assertThat(grid.size()).isZero();
    }

    @Test
    void smallestAcceptedCellsStillGiveEachPointOnce() {
        // Cells this small need nearly all 31 bits of the packed cell index at the +-1e6 m limit.
        PointGrid grid = new PointGrid(0.001);
        grid.insert(1, new Vec3(0.0009, -999_999.9, 0));
        grid.insert(2, new Vec3(500, -999_999.9, 0));
        grid.insert(3, new Vec3(-999_999.9, 999_999.9, 0));

        assertThat(grid.within(new Vec3(0.001, -999_999.9, 0), 0.0002)).containsExactly(1);
        assertThat(grid.nearest(new Vec3(0.001, -999_999.9, 0), 5)).containsExactly(1, 2, 3);
        assertThat(grid.within(new Vec3(-999_999.9, 999_999.9, 0), 0.01)).containsExactly(3);
    }

    @Test
    void refusesCellsTooSmallToIndexTheWholeCoordinateRange() {
        // Below 1e6 / 2^30 m the packed cell keys overflow and distinct cells collide.
        assertRefused(() -> new PointGrid(0.0005), "cellSize", "5.0E-4", "too small");
        assertRefused(() -> new PointGrid(1e-9), "cellSize", "1.0E-9", "too small");
    }
}
