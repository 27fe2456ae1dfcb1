package org.toxgrade.derivation;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
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
    private final Vertx vertx;
    private final Map<String, Slot> slots = new HashMap<>();

    @Inject
    public DerivationCoalescer(DerivationService derivation, Vertx vertx) {
        this(derivation::derive, vertx);
    }

    /** Coalesces any derivation (tests give their own; without Vert.x each runs on the caller's thread). */
    DerivationCoalescer(Function<String, Uni<?>> derivation, Vertx vertx) {
        this.derivation = derivation;
        this.vertx = vertx;
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

    /**
     * Each derivation on a fresh duplicated context: Hibernate Reactive keeps a stream's session in its
     * context, so a derivation started from another's completion, a request's or the sweeper's context
     * would otherwise share that session with them and run two queries on it at once (under load:
     * "Illegal pop() with non-matching JdbcValuesSourceProcessingState", and the patient left underived).
     */
    private void run(String patient, Slot slot) {
        CompletableFuture<Void> done = slot.running;
        Runnable start = () -> derivation.apply(patient).subscribe().with(
                changes -> finished(patient, slot, done, null),
                failure -> finished(patient, slot, done, failure));
        if (vertx == null) {
            start.run();
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> start.run());
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
