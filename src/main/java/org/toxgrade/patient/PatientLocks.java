package org.toxgrade.patient;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.TreeSet;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The per-patient lock (docs/architecture.md: per-patient work is serialised with a database lock). Upserting
 * the patient's row takes its row lock until the transaction ends, so two requests for the same
 * patient never interleave, on one replica or many. Several patients are always locked in sorted
 * order, so two transactions cannot wait for each other.
 */
@ApplicationScoped
public class PatientLocks {

    /** Locks (creating where new) the patients' rows and marks their facts changed. */
    public Uni<Void> lockForChange(Mutiny.Session session, Collection<String> patients, OffsetDateTime now) {
        return Multi.createFrom().iterable(new TreeSet<>(patients))
                .onItem().transformToUniAndConcatenate(patient -> session.createNativeQuery("""
                        insert into patient_state (patient_ref, first_seen_at, facts_changed_at, needs_derivation)
                        values (:patient, :now, :now, true)
                        on conflict (patient_ref) do update
                            set facts_changed_at = excluded.facts_changed_at, needs_derivation = true
                        """)
                        .setParameter("patient", patient)
                        .setParameter("now", now)
                        .executeUpdate())
                .collect().last()
                .replaceWithVoid();
    }

    /** Locks an existing patient's row for re-derivation; null when the patient is unknown. */
    public Uni<PatientStateRow> lockForDerivation(Mutiny.Session session, String patient) {
        return session.find(PatientStateRow.class, patient, LockMode.PESSIMISTIC_WRITE);
    }
}
