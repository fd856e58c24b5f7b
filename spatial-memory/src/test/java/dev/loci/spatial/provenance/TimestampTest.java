package dev.loci.spatial.provenance;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimestampTest {

    @Test
    void refusesNegativeNanos() {
        assertRefused(() -> new Timestamp(-1), "time", "-1", "must not be negative");
        assertRefused(() -> Timestamp.ofNanos(Long.MIN_VALUE), "time", String.valueOf(Long.MIN_VALUE));
    }

    @Test
    void refusesNegativeOrNonFiniteSeconds() {
        assertRefused(() -> Timestamp.ofSeconds(-0.5), "time", "-0.5", "must not be negative");
        assertRefused(() -> Timestamp.ofSeconds(Double.NaN), "time", "NaN", "must be finite");
        assertRefused(() -> Timestamp.ofSeconds(Double.POSITIVE_INFINITY), "time", "Infinity");
    }

    @Test
    void acceptsZeroAndConvertsSeconds() {
        assertThat(new Timestamp(0)).isEqualTo(Timestamp.ZERO);
        assertThat(Timestamp.ofSeconds(1.5).nanos()).isEqualTo(1_500_000_000L);
        assertThat(Timestamp.ofNanos(2_250_000_000L).seconds()).isEqualTo(2.25);
    }

    @Test
    void plusAddsDurationAndRefusesGoingNegative() {
        Timestamp t = Timestamp.ofNanos(1_000);

        assertThat(t.plus(Duration.ofNanos(500))).isEqualTo(Timestamp.ofNanos(1_500));
        assertRefused(() -> t.plus(Duration.ofNanos(-1_001)), "time", "-1");
        assertThatThrownBy(() -> Timestamp.ofNanos(Long.MAX_VALUE).plus(Duration.ofNanos(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void ordersByNanos() {
        Timestamp early = Timestamp.ofNanos(5);
        Timestamp late = Timestamp.ofNanos(6);

        assertThat(early.isBefore(late)).isTrue();
        assertThat(late.isBefore(early)).isFalse();
        assertThat(early.isBefore(early)).isFalse();
        assertThat(early).isLessThan(late);
        assertThat(early.compareTo(Timestamp.ofNanos(5))).isZero();
    }
}
