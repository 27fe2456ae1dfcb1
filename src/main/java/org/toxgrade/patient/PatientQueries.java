package org.toxgrade.patient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Read-only questions operators ask about patients and their facts. */
@ApplicationScoped
public class PatientQueries {

    /** A patient with facts but no infusion: kept, not graded, waiting (docs/clinical-rules.md section 1). */
    public record PendingPatient(String patient, long facts, OffsetDateTime firstSeenAt, OffsetDateTime lastFactsAt) {
    }

    /** One stored fact as the service understood it. */
    public record StoredFact(String id, String kind, OffsetDateTime effectiveAt, String source, int sourceVersion,
            String payload) {
    }

    private final Mutiny.SessionFactory sessions;

    public PatientQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    public Uni<List<PendingPatient>> pending(int limit) {
        return sessions.withSession(session -> session.createSelectionQuery("""
                select p.patientRef, count(f), p.firstSeenAt, p.factsChangedAt
                from PatientStateRow p, ClinicalFactRow f
                where f.patientRef = p.patientRef
                  and not exists (select 1 from ClinicalFactRow i
                                  where i.patientRef = p.patientRef and i.kind = 'car-t-infusion')
                group by p.patientRef, p.firstSeenAt, p.factsChangedAt
                order by p.firstSeenAt
                """, Object[].class)
                .setMaxResults(limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new PendingPatient((String) r[0], (Long) r[1],
                        (OffsetDateTime) r[2], (OffsetDateTime) r[3])).toList());
    }

    public Uni<List<StoredFact>> facts(String patient) {
        return sessions.withSession(session -> session.createSelectionQuery(
                "from ClinicalFactRow where patientRef = :patient order by effectiveAt, factId",
                ClinicalFactRow.class)
                .setParameter("patient", patient)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new StoredFact(r.factId, r.kind, r.effectiveAt, r.sourceRef,
                        r.sourceVersion, r.payload)).toList());
    }
}
