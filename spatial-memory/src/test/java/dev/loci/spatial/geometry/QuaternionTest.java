package dev.loci.spatial.geometry;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuaternionTest {

    @Test
    void refusesNonUnitQuaternionNamingOrientationAndNorm() {
        assertRefused(() -> new Quaternion(1, 1, 0, 0), "orientation", "(1.0, 1.0, 0.0, 0.0)",
                "must be a unit quaternion (norm 1.414");
        assertRefused(() -> new Quaternion(0, 0, 0, 0), "orientation", "(0.0, 0.0, 0.0, 0.0)", "(norm 0.0)");
        assertRefused(() -> new Quaternion(0.5, 0, 0, 0), "orientation", "(0.5, 0.0, 0.0, 0.0)", "norm 0.5");
    }

    @Test
    void acceptsSinglePrecisionRoundingButNotMore() {
        double s = Math.sqrt(0.5);
        Quaternion fromFloats = new Quaternion((float) s, 0, 0, (float) s);
        assertThat(fromFloats.w()).isEqualTo((float) s);

        assertThat(new Quaternion(1 + 0.9e-4, 0, 0, 0).w()).isEqualTo(1 + 0.9e-4);
        assertRefused(() -> new Quaternion(1 + 1.1e-4, 0, 0, 0), "orientation", "(" + (1 + 1.1e-4) + ", 0.0, 0.0, 0.0)");
    }

    static Stream<Arguments> nonFiniteComponents() {
        return Stream.of("w", "x", "y", "z").flatMap(c -> Stream.of(
                Arguments.of(c, Double.NaN, "NaN"), Arguments.of(c, Double.POSITIVE_INFINITY, "Infinity")));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("nonFiniteComponents")
    void refusesNonFiniteComponentNamingIt(String component, double bad, String rendered) {
        double w = component.equals("w") ? bad : 1;
        double x = component.equals("x") ? bad : 0;
        double y = component.equals("y") ? bad : 0;
        double z = component.equals("z") ? bad : 0;

        assertRefused(() -> new Quaternion(w, x, y, z), "orientation." + component, rendered, "must be finite");
    }

    @Test
    void normalizedScalesToUnitLength() {
        Quaternion q = Quaternion.normalized(1, 1, 1, 1);

        assertThat(q.w()).isCloseTo(0.5, within(1e-15));
        assertThat(q.x()).isCloseTo(0.5, within(1e-15));
        assertThat(q.y()).isCloseTo(0.5, within(1e-15));
        assertThat(q.z()).isCloseTo(0.5, within(1e-15));
        assertThat(Quaternion.normalized(7, 0, 0, 0)).isEqualTo(Quaternion.IDENTITY);
        assertThat(Quaternion.normalized(0, 0, -3, 0)).isEqualTo(new Quaternion(0, 0, -1, 0));
    }

    @Test
    void normalizedRefusesZeroAndNonFinite() {
        assertRefused(() -> Quaternion.normalized(0, 0, 0, 0), "orientation", "(0.0, 0.0, 0.0, 0.0)",
                "cannot be normalized");
        assertRefused(() -> Quaternion.normalized(1e-13, 0, 0, 0), "orientation", "(1.0E-13, 0.0, 0.0, 0.0)",
                "cannot be normalized");
        assertRefused(() -> Quaternion.normalized(Double.NaN, 1, 0, 0), "orientation", "(NaN, 1.0, 0.0, 0.0)",
                "cannot be normalized");
        assertRefused(() -> Quaternion.normalized(1, Double.POSITIVE_INFINITY, 0, 0), "orientation",
                "(1.0, Infinity, 0.0, 0.0)", "cannot be normalized");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.1, -0.1, 1, -1, 1.5707963267948966, -1.5707963267948966, 3.0, -3.0,
            3.141592653589793, -3.1415926})
    void fromYawAndYawRoundTrip(double yaw) {
        assertThat(Quaternion.fromYaw(yaw).yaw()).isCloseTo(yaw, within(1e-12));
    }

    @Test
    void fromYawAndYawRoundTripForRandomHeadings() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double yaw = (random.nextDouble() * 2 - 1) * Math.PI;
            Quaternion q = Quaternion.fromYaw(yaw);
            assertThat(q.yaw()).isCloseTo(yaw, within(1e-12));
            assertThat(q.x()).isZero();
            assertThat(q.y()).isZero();
        }
    }

    @Test
    void yawWrapsIntoMinusPiToPi() {
        assertThat(Quaternion.fromYaw(1.5 * Math.PI).yaw()).isCloseTo(-0.5 * Math.PI, within(1e-12));
        assertThat(Quaternion.fromYaw(-1.5 * Math.PI).yaw()).isCloseTo(0.5 * Math.PI, within(1e-12));
        assertThat(Quaternion.fromYaw(4 * Math.PI + 0.25).yaw()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void fromYawRefusesNonFiniteYaw() {
        assertRefused(() -> Quaternion.fromYaw(Double.NaN), "yaw", "NaN", "must be finite");
        assertRefused(() -> Quaternion.fromYaw(Double.NEGATIVE_INFINITY), "yaw", "-Infinity");
    }

    @Test
    void productOfYawsAddsHeadings() {
        Quaternion q = Quaternion.fromYaw(0.7).times(Quaternion.fromYaw(-0.2));

        assertThat(q.yaw()).isCloseTo(0.5, within(1e-12));
        assertThat(Quaternion.fromYaw(3).times(Quaternion.fromYaw(1)).yaw())
                .isCloseTo(4 - 2 * Math.PI, within(1e-12));
    }

    @Test
    void productWithConjugateIsIdentity() {
        Quaternion q = Quaternion.normalized(0.3, -0.4, 0.5, 0.7);
        Quaternion p = q.times(q.conjugate());

        assertThat(Math.abs(p.w())).isCloseTo(1, within(1e-12));
        assertThat(p.x()).isCloseTo(0, within(1e-12));
        assertThat(p.y()).isCloseTo(0, within(1e-12));
        assertThat(p.z()).isCloseTo(0, within(1e-12));
    }

    @Test
    void hamiltonProductAppliesRightOperandFirst() {
        // Rotate +x by 90 deg about z (to +y), then 90 deg about x (to +z).
        Quaternion aboutZ = Quaternion.fromYaw(Math.PI / 2);
        Quaternion aboutX = Quaternion.normalized(Math.cos(Math.PI / 4), Math.sin(Math.PI / 4), 0, 0);
        SimpleMatrix r = aboutX.times(aboutZ).rotationMatrix();

        assertThat(r.get(0, 0)).isCloseTo(0, within(1e-12));
        assertThat(r.get(1, 0)).isCloseTo(0, within(1e-12));
        assertThat(r.get(2, 0)).isCloseTo(1, within(1e-12));
    }

    @Test
    void rotationMatrixOfQuarterYawMapsXToY() {
        SimpleMatrix r = Quaternion.fromYaw(Math.PI / 2).rotationMatrix();

        assertThat(r.get(0, 0)).isCloseTo(0, within(1e-12));
        assertThat(r.get(1, 0)).isCloseTo(1, within(1e-12));
        assertThat(r.get(0, 1)).isCloseTo(-1, within(1e-12));
        assertThat(r.get(2, 2)).isCloseTo(1, within(1e-12));
    }
}
