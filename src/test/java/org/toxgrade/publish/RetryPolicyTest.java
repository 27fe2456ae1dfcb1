package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(15), 12, 0.5);

    @Test
    void delaysDoubleUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(5), policy.delay(1, () -> 1.0));
        assertEquals(Duration.ofSeconds(10), policy.delay(2, () -> 1.0));
        assertEquals(Duration.ofSeconds(40), policy.delay(4, () -> 1.0));
        assertEquals(Duration.ofMinutes(15), policy.delay(12, () -> 1.0));
        assertEquals(Duration.ofMinutes(15), policy.delay(500, () -> 1.0), "no overflow");
    }

    @Test
    void jitterTakesAShareOfTheDelay() {
        assertEquals(Duration.ofMillis(2500), policy.delay(1, () -> 0.0));
        assertEquals(Duration.ofMillis(3750), policy.delay(1, () -> 0.5));
        RetryPolicy none = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(15), 12, 0);
        assertEquals(Duration.ofSeconds(5), none.delay(1, () -> 0.0));
    }

    @Test
    void exhaustedAtMaxAttempts() {
        assertFalse(policy.exhausted(11));
        assertTrue(policy.exhausted(12));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 3, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 0, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 3, 1.5));
    }
}
