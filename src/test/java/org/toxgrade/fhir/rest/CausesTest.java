package org.toxgrade.fhir.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.smallrye.mutiny.CompositeException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.fhir.FhirJson;

/**
 * The exception mapper's walk over a failure's causes: every cause and suppressed exception once,
 * cycles included, and bounded, so the mapper answers whatever the chain looks like.
 */
class CausesTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Test
    void aCycleOfCausesIsWalkedOnceAndTheWalkEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        List<Throwable> causes = assertTimeoutPreemptively(PROMPTLY, () -> Causes.of(a));
        assertEquals(List.of(a, b), causes);
        assertTimeoutPreemptively(PROMPTLY, () -> Causes.root(a));
    }

    @Test
    void theSecondCauseOfACompositeFailureIsAmongTheCauses() {
        ConnectException lost = new ConnectException("Connection refused");
        CompositeException failure = new CompositeException(new IllegalStateException("work failed"), lost);
        assertTrue(Causes.of(failure).contains(lost), Causes.of(failure).toString());
    }

    @Test
    void theWalkIsBounded() {
        Throwable failure = new RuntimeException("deepest");
        for (int i = 0; i < 10_000; i++) {
            failure = new RuntimeException(failure);
        }
        assertEquals(256, Causes.of(failure).size());
    }

    @Test
    void theRootIsTheLastFirstCause() {
        IllegalStateException root = new IllegalStateException("root");
        assertSame(root, Causes.root(new RuntimeException(new RuntimeException(root))));
    }

    @Test
    void aLostConnectionInsideACycleOfCausesIsMappedTo503WithoutLooping() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        b.addSuppressed(new ConnectException("Connection refused"));
        FhirExceptionMappers mappers = new FhirExceptionMappers(new FhirResponses(new FhirJson(FhirContext.forR4())));
        Response answer = assertTimeoutPreemptively(PROMPTLY, () -> mappers.unexpected(a));
        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
    }

    @Test
    void aCycleOfCausesWithoutAStorageFailureIsMappedTo500WithoutLooping() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        FhirExceptionMappers mappers = new FhirExceptionMappers(new FhirResponses(new FhirJson(FhirContext.forR4())));
        Response answer = assertTimeoutPreemptively(PROMPTLY, () -> mappers.unexpected(a));
        assertEquals(500, answer.getStatus());
    }
}
