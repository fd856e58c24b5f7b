package dev.loci.spatial.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

    @Test
    void namesFieldProblemAndValueInTheMessage() {
        InvalidValueException e = new InvalidValueException("battery", 1.5, "must be in [0.0, 1.0]");

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.field()).isEqualTo("battery");
        assertThat(e.value()).isEqualTo("1.5");
        assertThat(e.getMessage()).isEqualTo("battery must be in [0.0, 1.0]: 1.5");
    }

    @Test
    void rendersNullValueAsNull() {
        InvalidValueException e = new InvalidValueException("robot", null, "is required");

        assertThat(e.value()).isEqualTo("null");
        assertThat(e.getMessage()).isEqualTo("robot is required: null");
    }

    @Test
    void boundsTheRenderedValueOfHugeInput() {
        String huge = "x".repeat(1_000_000);

        InvalidValueException e = new InvalidValueException("label", huge, "is too long");

        assertThat(e.value()).hasSize(77 + "...(1000000 chars)".length())
                .startsWith("x".repeat(77))
                .endsWith("...(1000000 chars)");
        assertThat(e.getMessage().length()).isLessThan(200);
    }

    @Test
    void keepsValuesOfEightyCharactersWhole() {
        String eighty = "y".repeat(80);

        assertThat(new InvalidValueException("f", eighty, "bad").value()).isEqualTo(eighty);
        assertThat(new InvalidValueException("f", eighty + "z", "bad").value()).endsWith("...(81 chars)");
    }
}
