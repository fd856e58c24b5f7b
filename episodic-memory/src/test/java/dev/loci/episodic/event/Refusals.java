package dev.loci.episodic.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.validation.InvalidValueException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts a call is refused with an {@link InvalidValueException} naming the field and the value. */
final class Refusals {
    private Refusals() {
    }

    static void assertRefused(ThrowingCallable call, String field, String value, String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.getMessage()).startsWith(field + " ").contains(problem).endsWith(": " + value);
        });
    }
}
