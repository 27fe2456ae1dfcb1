package org.toxgrade.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A burst of writes to one patient costs two derivations, and every writer is served by one that began after it asked. */
class DerivationCoalescerTest {

    private final List<String> started = new ArrayList<>();
    private final List<CompletableFuture<Object>> runs = new ArrayList<>();
    private final DerivationCoalescer coalescer = new DerivationCoalescer(patient -> {
        started.add(patient);
        CompletableFuture<Object> run = new CompletableFuture<>();
        runs.add(run);
        return Uni.createFrom().completionStage(run);
    }, null);

    @Test
    void aBurstDuringADerivationIsServedByOneMoreDerivationAfterIt() {
        CompletableFuture<Void> first = coalescer.derive("Patient/a").subscribeAsCompletionStage();
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(coalescer.derive("Patient/a").subscribeAsCompletionStage());
        }
        assertEquals(1, started.size(), "the burst waits for the running derivation");
        assertTrue(coalescer.inFlight("Patient/a"));

        runs.get(0).complete("done");
        assertTrue(first.isDone());
        assertTrue(burst.stream().noneMatch(CompletableFuture::isDone),
                "the burst is not served by a derivation that began before it asked");
        assertEquals(2, started.size(), "one more derivation for the whole burst");

        runs.get(1).complete("done");
        assertTrue(burst.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
        assertFalse(coalescer.inFlight("Patient/a"));
        assertEquals(2, started.size());
    }

    @Test
    void otherPatientsAreNotHeldUpAndAFailureReachesOnlyItsWaiters() {
        CompletableFuture<Void> a = coalescer.derive("Patient/a").subscribeAsCompletionStage();
        CompletableFuture<Void> b = coalescer.derive("Patient/b").subscribeAsCompletionStage();
        assertEquals(List.of("Patient/a", "Patient/b"), started);
        runs.get(0).completeExceptionally(new IllegalStateException("database gone"));
        assertTrue(a.isCompletedExceptionally());
        assertFalse(b.isDone());
        assertFalse(coalescer.inFlight("Patient/a"), "a failed derivation leaves the patient to the sweeper");
        runs.get(1).complete("done");
        assertTrue(b.isDone() && !b.isCompletedExceptionally());
    }
}
