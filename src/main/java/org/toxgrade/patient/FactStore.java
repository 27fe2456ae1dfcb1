package org.toxgrade.patient;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /** One source's new current version, whose facts replace what the source said before. */
    public record Replacement(FactExtraction extraction, int version) {
    }

    private static final String PATIENTS_OF = """
            select distinct source_ref, patient_ref from clinical_fact where source_ref = any($1::varchar[])
            """;

    private static final String DELETE = "delete from clinical_fact where source_ref = any($1::varchar[])";

    private static final String INSERT = """
            insert into clinical_fact (patient_ref, source_ref, source_version, fact_id, kind, effective_at, payload)
            select * from unnest($1::varchar[], $2::varchar[], $3::int[], $4::varchar[], $5::varchar[],
                $6::timestamptz[], $7::text[])
            """;

    private static final String BIRTH_DATES = """
            update patient_state s set birth_date = u.b
            from unnest($1::varchar[], $2::date[]) as u(p, b) where s.patient_ref = u.p
            """;

    /** The patients each source's stored facts belong to (a correction may move a record). */
    public Uni<Map<String, Set<String>>> patientsOf(SqlConnection connection, Collection<String> sources) {
        if (sources.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(PATIENTS_OF).execute(Tuple.of(sources.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Set<String>> patients = new TreeMap<>();
                    rows.forEach(row -> patients.computeIfAbsent(row.getString(0), k -> new TreeSet<>())
                            .add(row.getString(1)));
                    return patients;
                });
    }

    /**
     * Replaces the facts of every source with what its new version says, in three statements
     * whatever their number; the caller holds the lock of every patient concerned. When a source
     * appears twice, its last replacement is the one that holds, as if written one after the other.
     */
    public Uni<Void> replaceAll(SqlConnection connection, List<Replacement> replacements) {
        if (replacements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Replacement> bySource = new LinkedHashMap<>();
        replacements.forEach(r -> {
            bySource.remove(r.extraction().source());
            bySource.put(r.extraction().source(), r);
        });
        List<ClinicalFactRow> rows = new ArrayList<>();
        List<String> birthPatients = new ArrayList<>();
        List<LocalDate> birthDates = new ArrayList<>();
        for (Replacement r : bySource.values()) {
            rows.addAll(rows(r.extraction(), r.version()));
            if ("Patient".equals(r.extraction().resourceType())) {
                birthPatients.add(r.extraction().patient());
                birthDates.add(r.extraction().birthDate().orElse(null));
            }
        }
        Uni<Void> deleted = connection.preparedQuery(DELETE)
                .execute(Tuple.of(bySource.keySet().toArray(String[]::new))).replaceWithVoid();
        return deleted.chain(() -> insert(connection, rows)).chain(() -> birthPatients.isEmpty()
                ? Uni.createFrom().voidItem()
                : connection.preparedQuery(BIRTH_DATES)
                        .execute(Tuple.of(birthPatients.toArray(String[]::new), birthDates.toArray(LocalDate[]::new)))
                        .replaceWithVoid());
    }

    private static Uni<Void> insert(SqlConnection connection, List<ClinicalFactRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        String[] patients = new String[n];
        String[] sources = new String[n];
        Integer[] versions = new Integer[n];
        String[] factIds = new String[n];
        String[] kinds = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            ClinicalFactRow row = rows.get(i);
            patients[i] = row.patientRef;
            sources[i] = row.sourceRef;
            versions[i] = row.sourceVersion;
            factIds[i] = row.factId;
            kinds[i] = row.kind;
            times[i] = row.effectiveAt;
            payloads[i] = row.payload;
        }
        return connection.preparedQuery(INSERT)
                .execute(Tuple.tuple(List.of(patients, sources, versions, factIds, kinds, times, payloads)))
                .replaceWithVoid();
    }

    /** One stored fact as read for a derivation: plain values, no managed entity. */
    public record StoredFact(String source, String kind, String payload) {
    }

    /**
     * Everything stored for the patient as plain rows (a projection: no entity is built or
     * dirty-checked); decode off the event loop with {@link #decodeBySource}.
     */
    public Uni<List<StoredFact>> read(Mutiny.Session session, String patient) {
        return session.createNativeQuery(
                "select source_ref, kind, payload from clinical_fact where patient_ref = :patient order by pk",
                Object[].class)
                .setParameter("patient", patient)
                .getResultList()
                .map(rows -> {
                    List<StoredFact> out = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        out.add(new StoredFact((String) row[0], (String) row[1], (String) row[2]));
                    }
                    return out;
                });
    }

    /** The stored facts decoded, by source record: JSON decoding, CPU work for large episodes. */
    public Map<String, List<Object>> decodeBySource(List<StoredFact> rows) {
        Map<String, List<Object>> bySource = new LinkedHashMap<>();
        for (StoredFact row : rows) {
            bySource.computeIfAbsent(row.source(), s -> new ArrayList<>())
                    .add(codec.decode(new FactCodec.EncodedFact(row.kind(), row.payload())));
        }
        return bySource;
    }

    /** What a resource's facts are once stored and read back: its facts, context facts and infusion. */
    public static List<Object> stored(FactExtraction extraction) {
        List<Object> out = new ArrayList<>(extraction.facts());
        out.addAll(extraction.contextFacts());
        extraction.infusion().ifPresent(out::add);
        return out;
    }

    /** Decoded facts as the assembler takes them. */
    public static PatientFacts patientFacts(LocalDate birthDate, Collection<?> decoded) {
        List<Fact> facts = new ArrayList<>();
        List<ContextFact> context = new ArrayList<>();
        for (Object d : decoded) {
            if (d instanceof Fact fact) {
                facts.add(fact);
            } else {
                context.add((ContextFact) d);
            }
        }
        return PatientFacts.of(birthDate, facts, context);
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
