package dev.loci.spatial.validation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper: asserts a call is refused with an {@link InvalidValueException} naming the field and value. */
public final class Refusals {
    private Refusals() {
    }

    /**
     * Asserts {@code call} throws {@link InvalidValueException} whose {@code field()} is {@code field}, whose
     * {@code value()} is {@code value}, and whose message starts with the field and mentions the value.
     */
    public static void assertRefused(ThrowingCallable call, String field, String value) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo(field);
                    org.assertj.core.api.Assertions.assertThat(e.value()).isEqualTo(value);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage())
                            .startsWith(field + " ")
                            .contains(value);
                });
    }

    /** As {@link #assertRefused}, also requiring the message to contain {@code problem}. */
    public static void assertRefused(ThrowingCallable call, String field, String value, String problem) {
        assertRefused(call, field, value);
        assertThatThrownBy(call).hasMessageContaining(problem);
    }
}
