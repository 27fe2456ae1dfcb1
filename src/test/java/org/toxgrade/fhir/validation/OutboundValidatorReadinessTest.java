package org.toxgrade.fhir.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbound validator takes seconds to build after a start; the write-back claims no row until it is ready
 * (so a warm replica delivers them meanwhile) and is told when it is.
 */
class OutboundValidatorReadinessTest {

    @Test
    void isNotReadyUntilBuiltAndTellsWhenItIs() throws InterruptedException {
        OutboundValidator validator = new OutboundValidator(FhirContext.forR4());
        assertFalse(validator.isReady());
        CountDownLatch told = new CountDownLatch(1);
        validator.whenReady(told::countDown);
        assertEquals(1, told.getCount(), "not told before it is built");

        validator.prepare();
        assertTrue(told.await(5, TimeUnit.MINUTES), "told once built");
        assertTrue(validator.isReady());

        CountDownLatch late = new CountDownLatch(1);
        validator.whenReady(late::countDown);
        assertEquals(0, late.getCount(), "asked after it is ready: told at once");
    }
}
