package org.toxgrade.subscription;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.ingest.IngestService;
import org.toxgrade.ingest.WriteOutcome;
import org.toxgrade.ingest.store.ReceivedResourceRepository;
import org.toxgrade.security.Caller;
import org.toxgrade.security.GrantedScopes;
import org.toxgrade.security.IdHasher;

/**
 * Resources read from or sent by an EHR go through the same ingest path as a sender's {@code PUT [type]/[id]}:
 * the EHR's id, and its {@code meta.versionId} as the sender version, so a redelivery or an overlapping catch-up
 * stores nothing new and an older version arriving late never becomes current.
 */
@ApplicationScoped
public class EhrIngest {

    private static final Logger LOG = Logger.getLogger(EhrIngest.class);

    private final IngestService ingest;
    private final IdHasher ids;
    private final Vertx vertx;
    private final Sources sources;
    private final Mutiny.SessionFactory sessions;
    private final ReceivedResourceRepository received;

    public EhrIngest(IngestService ingest, IdHasher ids, Vertx vertx, Sources sources,
            Mutiny.SessionFactory sessions, ReceivedResourceRepository received) {
        this.ingest = ingest;
        this.ids = ids;
        this.vertx = vertx;
        this.sources = sources;
        this.sessions = sessions;
        this.received = received;
    }

    /** Who the audit trail names for what came from a source EHR. */
    public static Caller callerFor(String source) {
        return new Caller("ehr-source:" + source, GrantedScopes.parse("system/*.cu"), false);
    }

    /** Stores one resource as the source's update; a refusal of the content (4xx) is raised as such. */
    public Uni<WriteOutcome> put(String source, String type, String id, String json) {
        return isolated(() -> ingest.write(callerFor(source), json, type, id))
                // The same version arriving at the same moment by notification and by catch-up (or on two
                // replicas): one insert loses; tried again, it finds the version stored and stores nothing.
                .onFailure(EhrIngest::lostRace).retry().withBackOff(Duration.ofMillis(50)).atMost(3)
                .call(outcome -> "Patient".equals(type) ? Uni.createFrom().voidItem() : patientOf(source, outcome));
    }

    /**
     * The birth date decides adult or paediatric grading (docs/clinical-rules.md section 3: CAPD under 12), and
     * subscriptions on Observations and MedicationAdministrations never send the Patient: read it from
     * the EHR the first time one of its records arrives. A failure is logged, not raised: the record is
     * stored, and grading uses adult rules with a note until the Patient arrives.
     */
    private Uni<Void> patientOf(String source, WriteOutcome outcome) {
        String patient = outcome.write().facts().patient();
        Optional<EhrSource> ehr = sources.named(source);
        if (patient == null || !patient.startsWith("Patient/") || ehr.isEmpty()
                || outcome.kind() == WriteOutcome.Kind.UNCHANGED || outcome.kind() == WriteOutcome.Kind.STALE) {
            return Uni.createFrom().voidItem();
        }
        String id = patient.substring("Patient/".length());
        return isolated(() -> sessions.withSession(session -> received.latest(session, "Patient", id)))
                .chain(known -> known != null
                        ? Uni.createFrom().voidItem()
                        : ehr.get().client().request(HttpMethod.GET, "Patient/" + id, null).chain(response -> {
                            if (!response.ok()) {
                                LOG.info(SubscriptionError.PATIENT_NOT_READ.message(ids.ref("Patient", id), source,
                                        "status " + response.status()));
                                return Uni.createFrom().voidItem();
                            }
                            return putTolerant(source, "Patient", id, response.body()).replaceWithVoid();
                        }))
                .onFailure().recoverWithUni(failure -> {
                    LOG.info(SubscriptionError.PATIENT_NOT_READ.message(ids.ref("Patient", id), source,
                            failure.getClass().getSimpleName()));
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Runs one ingest on a Vert.x context of its own and answers on the caller's: what the write sets off after
     * its commit (derivation, an outbox run) keeps its database session apart from the caller's, which goes on
     * with its own work (the next resource of a catch-up, the record of a notification).
     */
    private <T> Uni<T> isolated(Supplier<Uni<T>> work) {
        Context caller = Vertx.currentContext() == null ? null : Vertx.currentContext().getDelegate();
        return Uni.createFrom().emitter(emitter -> {
            Context own = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(own, true);
            own.runOnContext(ignored -> work.get().subscribe().with(
                    item -> back(caller, () -> emitter.complete(item)),
                    failure -> back(caller, () -> emitter.fail(failure))));
        });
    }

    private static void back(Context caller, Runnable action) {
        if (caller == null) {
            action.run();
        } else {
            caller.runOnContext(ignored -> action.run());
        }
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof FhirException f && f.status() == 409 && f.getMessage() != null
                    && f.getMessage().contains("race")) {
                return true;
            }
            if (t instanceof ConstraintViolationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** Like {@link #put}, but a resource the service refuses (4xx) is logged and counted, not raised. */
    public Uni<Boolean> putTolerant(String source, String type, String id, String json) {
        return put(source, type, id, json).map(outcome -> true)
                .onFailure(e -> e instanceof FhirException f && f.status() < 500).recoverWithItem(e -> {
                    FhirException f = (FhirException) e;
                    LOG.warn(SubscriptionError.SOURCE_RESOURCE_REFUSED.message(ids.ref(type, id), source, f.status(),
                            codeOf(f.getMessage())));
                    return false;
                });
    }

    /** The TG- code of a message only: the rest may quote content. */
    static String codeOf(String message) {
        if (message == null) {
            return "-";
        }
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : "-";
    }
}
