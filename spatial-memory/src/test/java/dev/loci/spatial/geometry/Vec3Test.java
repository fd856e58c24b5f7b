package dev.loci.spatial.geometry;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Vec3Test {

    static Stream<Arguments> nonFiniteCoordinates() {
        return Stream.of("x", "y", "z").flatMap(field -> Stream.of(
                Arguments.of(field, Double.NaN, "NaN"),
                Arguments.of(field, Double.POSITIVE_INFINITY, "Infinity"),
                Arguments.of(field, Double.NEGATIVE_INFINITY, "-Infinity")));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("nonFiniteCoordinates")
    void refusesNonFiniteCoordinateNamingTheField(String field, double bad, String rendered) {
        double x = field.equals("x") ? bad : 1;
        double y = field.equals("y") ? bad : 2;
        double z = field.equals("z") ? bad : 3;

        assertRefused(() -> new Vec3(x, y, z), field, rendered, "must be finite");
    }

    @Test
    void acceptsExtremeFiniteValues() {
        Vec3 v = new Vec3(-Double.MAX_VALUE, Double.MIN_VALUE, -0.0);

        assertThat(v.x()).isEqualTo(-Double.MAX_VALUE);
        assertThat(v.y()).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void refusesArithmeticThatOverflowsToInfinity() {
        Vec3 big = new Vec3(Double.MAX_VALUE, 0, 0);

        assertRefused(() -> big.plus(big), "x", "Infinity");
        assertRefused(() -> new Vec3(0, 1e300, 0).times(1e10), "y", "Infinity");
    }

    @Test
    void computesArithmeticComponentWise() {
        Vec3 a = new Vec3(1, 2, 3);
        Vec3 b = new Vec3(-4, 0.5, 2);

        assertThat(a.plus(b)).isEqualTo(new Vec3(-3, 2.5, 5));
        assertThat(a.minus(b)).isEqualTo(new Vec3(5, 1.5, 1));
        assertThat(a.times(-2)).isEqualTo(new Vec3(-2, -4, -6));
        assertThat(a.dot(b)).isEqualTo(-4 + 1 + 6);
    }

    @Test
    void measuresNormAndDistances() {
        Vec3 a = new Vec3(1, 2, 2);

        assertThat(a.norm()).isEqualTo(3);
        assertThat(Vec3.ZERO.distanceTo(a)).isEqualTo(3);
        assertThat(new Vec3(3, 0, 0).distanceSquaredTo(new Vec3(0, 4, 0))).isEqualTo(25);
        assertThat(new Vec3(3, 0, 0).distanceTo(new Vec3(0, 4, 0))).isEqualTo(5);
    }
}
