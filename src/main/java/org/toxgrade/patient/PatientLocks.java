package org.toxgrade.patient;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
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

    private static final String LOCK_ALL = """
            insert into patient_state (patient_ref, first_seen_at, facts_changed_at, needs_derivation)
            select p, $2, $2, true from unnest($1::varchar[]) as t(p) order by p
            on conflict (patient_ref) do update set facts_changed_at = patient_state.facts_changed_at
            """;

    private static final String MARK_CHANGED = """
            update patient_state set facts_changed_at = $2, needs_derivation = true, facts_version = facts_version + 1
            where patient_ref = any($1::varchar[])
            returning patient_ref, facts_version
            """;

    /**
     * Locks (creating where new) the rows of all the patients of one request in one statement, in
     * sorted order, before anything of the request is written: two requests touching the same
     * patients in any order then wait for each other instead of deadlocking.
     */
    public Uni<Void> lockAll(SqlConnection connection, Collection<String> patients, OffsetDateTime now) {
        if (patients.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(LOCK_ALL)
                .execute(Tuple.of(new TreeSet<>(patients).toArray(String[]::new), now)).replaceWithVoid();
    }

    /**
     * Marks the patients' facts changed (the caller holds their locks): they need re-derivation, and
     * their facts version goes up by one. Returns the new version of each.
     */
    public Uni<Map<String, Long>> markChanged(SqlConnection connection, Collection<String> patients,
            OffsetDateTime now) {
        if (patients.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(MARK_CHANGED)
                .execute(Tuple.of(new TreeSet<>(patients).toArray(String[]::new), now)).map(rows -> {
                    Map<String, Long> versions = new TreeMap<>();
                    rows.forEach(row -> versions.put(row.getString(0), row.getLong(1)));
                    return versions;
                });
    }

    /** Locks an existing patient's row for re-derivation; null when the patient is unknown. */
    public Uni<PatientStateRow> lockForDerivation(Mutiny.Session session, String patient) {
        return session.find(PatientStateRow.class, patient, LockMode.PESSIMISTIC_WRITE);
    }
}
