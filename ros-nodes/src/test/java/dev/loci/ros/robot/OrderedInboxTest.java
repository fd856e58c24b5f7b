package dev.loci.ros.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.ros.transport.DeliveryTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages numbered by their sender, arriving out of order on several threads, taken in the sender's order. */
class OrderedInboxTest {
    @Test
    void takesInSendOrderSkipsRefusedOnesAndCountsDuplicates() throws Exception {
        OrderedInbox<String> inbox = new OrderedInbox<>("reports from base_1");
        Thread late = new Thread(() -> inbox.add(1, Optional.of("first")));
        inbox.add(3, Optional.of("third"));
        inbox.add(2, Optional.empty()); // arrived, but refused
        late.start();
        late.join();
        inbox.add(3, Optional.of("third again"));

        assertThat(inbox.take(3, Duration.ofSeconds(5))).containsExactly("first", "third");
        assertThat(inbox.received()).isEqualTo(3);
        assertThat(inbox.duplicates()).isEqualTo(1);
        inbox.add(1, Optional.of("old")); // already taken: a duplicate, not taken again
        assertThat(inbox.duplicates()).isEqualTo(2);
        assertThat(inbox.take(3, Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void aMissingNumberEndsTheWaitWithAnErrorSayingHowManyArrived() {
        OrderedInbox<String> inbox = new OrderedInbox<>("commands to tall_1");
        inbox.add(1, Optional.of("a"));
        inbox.add(3, Optional.of("c"));

        assertThatThrownBy(() -> inbox.take(3, Duration.ofMillis(50)))
                .isInstanceOf(DeliveryTimeoutException.class)
                .hasMessageContaining("commands to tall_1: 2 of 3 messages arrived within 50 ms");
        inbox.add(2, Optional.of("b"));
        assertThat(inbox.take(3, Duration.ofSeconds(5))).containsExactly("a", "b", "c");
    }
}
