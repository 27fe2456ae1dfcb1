package org.toxgrade.derivation;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One derivation at a time per patient on this replica, and one for a burst of writes: a request
 * that asks for a patient's derivation while one is running waits for the next run, which starts
 * when the running one ends and serves every request that asked meanwhile. Each waiter is served
 * by a derivation that began after its own write committed, so a sender that reads back still sees
 * the results of what it sent; a burst of N writes costs two derivations, not N (each of which
 * would wait for the patient's lock behind the others).
 */
@ApplicationScoped
public class DerivationCoalescer {

    private final Function<String, Uni<?>> derivation;
    private final Map<String, Slot> slots = new HashMap<>();

    @Inject
    public DerivationCoalescer(DerivationService derivation) {
        this(derivation::derive);
    }

    /** Coalesces any derivation (tests give their own). */
    DerivationCoalescer(Function<String, Uni<?>> derivation) {
        this.derivation = derivation;
    }

    /** The running derivation and the one asked for after it started. */
    private static final class Slot {

        CompletableFuture<Void> running;
        CompletableFuture<Void> next;
    }

    /** Completes when a derivation of the patient that started after this call has ended. */
    public Uni<Void> derive(String patient) {
        CompletableFuture<Void> waitFor;
        boolean start = false;
        Slot slot;
        synchronized (slots) {
            slot = slots.get(patient);
            if (slot == null) {
                slot = new Slot();
                slot.running = new CompletableFuture<>();
                slots.put(patient, slot);
                waitFor = slot.running;
                start = true;
            } else {
                if (slot.next == null) {
                    slot.next = new CompletableFuture<>();
                }
                waitFor = slot.next;
            }
        }
        if (start) {
            run(patient, slot);
        }
        return Uni.createFrom().completionStage(waitFor);
    }

    /** Whether a derivation of the patient is running or owed here (the sweeper leaves it alone). */
    public boolean inFlight(String patient) {
        synchronized (slots) {
            return slots.containsKey(patient);
        }
    }

    private void run(String patient, Slot slot) {
        CompletableFuture<Void> done = slot.running;
        derivation.apply(patient).subscribe().with(
                changes -> finished(patient, slot, done, null),
                failure -> finished(patient, slot, done, failure));
    }

    private void finished(String patient, Slot slot, CompletableFuture<Void> done, Throwable failure) {
        boolean again;
        synchronized (slots) {
            again = slot.next != null;
            if (again) {
                slot.running = slot.next;
                slot.next = null;
            } else {
                slots.remove(patient);
            }
        }
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
        if (again) {
            run(patient, slot);
        }
    }
}
