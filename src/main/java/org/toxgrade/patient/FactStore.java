package org.toxgrade.patient;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.facts.ContextFact;
import org.toxgrade.facts.FactCodec;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.grading.fact.Fact;

/**
 * Keeps each patient's clinical facts. A resource's facts are replaced as a whole by each new
 * version (docs/clinical-rules.md section 8: "a new version of the same resource id replaces the old fact";
 * a retracted resource simply has none), under the lock of every patient concerned: the new
 * subject and, when a correction moved the record, the old one.
 */
@ApplicationScoped
public class FactStore {

    private final PatientLocks locks;
    private final FactCodec codec;

    public FactStore(PatientLocks locks, FactCodec codec) {
        this.locks = locks;
        this.codec = codec;
    }

    /** Replaces what {@code extraction.source()} said with what its version {@code version} says. */
    public Uni<Void> replace(Mutiny.Session session, FactExtraction extraction, int version) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return session.createSelectionQuery(
                "select distinct patientRef from ClinicalFactRow where sourceRef = :source", String.class)
                .setParameter("source", extraction.source())
                .getResultList()
                .chain(previous -> {
                    Set<String> patients = new HashSet<>(previous);
                    patients.add(extraction.patient());
                    return locks.lockForChange(session, patients, now);
                })
                .chain(() -> session.createMutationQuery("delete from ClinicalFactRow where sourceRef = :source")
                        .setParameter("source", extraction.source())
                        .executeUpdate())
                .chain(() -> "Patient".equals(extraction.resourceType())
                        ? session.createMutationQuery(
                                "update PatientStateRow set birthDate = :birthDate where patientRef = :patient")
                                .setParameter("birthDate", extraction.birthDate().orElse(null))
                                .setParameter("patient", extraction.patient())
                                .executeUpdate().replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .chain(() -> {
                    List<ClinicalFactRow> rows = rows(extraction, version);
                    return rows.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : session.persistAll(rows.toArray()).chain(session::flush);
                });
    }

    /** Everything stored for the patient, as stored (decode off the event loop with {@link #decode}). */
    public Uni<List<ClinicalFactRow>> load(Mutiny.Session session, String patient) {
        return session.createSelectionQuery("from ClinicalFactRow where patientRef = :patient order by pk",
                ClinicalFactRow.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    /** The stored rows as facts for the assembler: JSON decoding, CPU work for large episodes. */
    public PatientFacts decode(PatientStateRow patient, List<ClinicalFactRow> rows) {
        List<Fact> facts = new ArrayList<>();
        List<ContextFact> context = new ArrayList<>();
        for (ClinicalFactRow row : rows) {
            Object decoded = codec.decode(new FactCodec.EncodedFact(row.kind, row.payload));
            if (decoded instanceof Fact fact) {
                facts.add(fact);
            } else {
                context.add((ContextFact) decoded);
            }
        }
        return PatientFacts.of(patient.birthDate, facts, context);
    }

    private List<ClinicalFactRow> rows(FactExtraction extraction, int version) {
        List<ClinicalFactRow> rows = new ArrayList<>();
        for (Fact fact : extraction.facts()) {
            rows.add(row(extraction, version, fact.id(), fact.time(), codec.encode(fact)));
        }
        for (ContextFact fact : extraction.contextFacts()) {
            rows.add(row(extraction, version, fact.id(), fact.time(), codec.encode(fact)));
        }
        // The infusion is stored like any fact: episodes are planned from the stored infusions.
        extraction.infusion().ifPresent(
                infusion -> rows.add(row(extraction, version, infusion.id(), infusion.time(), codec.encode(infusion))));
        return rows;
    }

    private static ClinicalFactRow row(FactExtraction extraction, int version, String factId, Instant time,
            FactCodec.EncodedFact encoded) {
        ClinicalFactRow row = new ClinicalFactRow();
        row.patientRef = extraction.patient();
        row.sourceRef = extraction.source();
        row.sourceVersion = version;
        row.factId = factId;
        row.kind = encoded.kind();
        row.effectiveAt = time.atOffset(ZoneOffset.UTC);
        row.payload = encoded.json();
        return row;
    }
}
