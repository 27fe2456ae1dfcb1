package org.toxgrade.results;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.audit.AuditTrail;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.patient.DerivedStateStore;
import org.toxgrade.patient.EpisodeStateRow;
import org.toxgrade.security.Caller;

/**
 * The read side's transactions: each read of derived results runs with its audit record in one
 * transaction, so a read that is answered is always in the audit trail. The REST resources only map
 * HTTP to these calls.
 */
@ApplicationScoped
public class ResultReads {

    private final Mutiny.SessionFactory sessions;
    private final ResultSearch search;
    private final DerivedStateStore derived;
    private final AuditTrail audit;

    private final MonitoringStore monitoring;
    private final PatientStatuses statuses;

    public ResultReads(Mutiny.SessionFactory sessions, ResultSearch search, DerivedStateStore derived,
            AuditTrail audit, MonitoringStore monitoring, PatientStatuses statuses) {
        this.sessions = sessions;
        this.search = search;
        this.derived = derived;
        this.audit = audit;
        this.monitoring = monitoring;
        this.statuses = statuses;
    }

    /** A page of a search, with the number of all matches when the query asks for it (else null). */
    public record Found(ResultSearch.Page page, Long total) {
    }

    /**
     * A page of Conditions or Flags matching the query, and their total unless {@code _total=none}; with
     * {@code _summary=count} the total only.
     */
    public Uni<Found> search(Caller who, ResultQuery query, String auditedQuery) {
        boolean countOnly = query.summary() == ResultQuery.Summary.COUNT;
        return sessions.withTransaction(session -> (countOnly
                ? Uni.createFrom().item(new ResultSearch.Page(List.of(), false, false))
                : search.page(session, query))
                .chain(page -> countOnly || query.total()
                        ? search.count(session, query).map(total -> new Found(page, total))
                        : Uni.createFrom().item(new Found(page, null)))
                .call(found -> audit.recordSearch(session, who, query.type(), patients(query), auditedQuery, 200)));
    }

    /** The patients a search names: one audit entity each, so a patient's audit shows who searched them. */
    private static List<String> patients(ResultQuery query) {
        List<String> patients = new ArrayList<>();
        for (ResultQuery.Criterion criterion : query.criteria()) {
            if (criterion instanceof ResultQuery.ColumnIn in && in.column() == ResultQuery.Column.PATIENT) {
                in.values().stream().filter(p -> !patients.contains(p)).forEach(patients::add);
            }
        }
        return patients;
    }

    /** The current version of one Condition or Flag, or null when there is none. */
    public Uni<DerivedResourceRow> read(Caller who, String type, String id) {
        return sessions.withTransaction(session -> search.read(session, type, id)
                .call(row -> row == null
                        ? Uni.createFrom().voidItem()
                        : audit.record(session, who, AuditTrail.Action.R, "read", type, id, row.versionId, 200)));
    }

    /** The patient's episodes with their stored day-by-day course; empty when no episode is known. */
    public Uni<List<EpisodeStateRow>> episodes(Caller who, String patientId) {
        return sessions.withTransaction(session -> derived.episodes(session, "Patient/" + patientId)
                .call(rows -> audit.record(session, who, AuditTrail.Action.R, "timeline", "Patient", patientId, null,
                        rows.isEmpty() ? 404 : 200)));
    }

    /**
     * Every patient in active monitoring (an episode whose window is open), newest infusion first, with the
     * current grades and active flags; audited as one search naming every patient listed.
     */
    public Uni<List<PatientStatus>> worklist(Caller who, Instant now) {
        return sessions.withTransaction(session -> monitoring.openEpisodes(session, now.atOffset(ZoneOffset.UTC))
                .map(ResultReads::newestPerPatient)
                .chain(episodes -> {
                    List<String> patients = episodes.stream().map(e -> e.patientRef).toList();
                    return monitoring.activeFlags(session, patients)
                            .map(flags -> statuses.of(episodes, flags, now))
                            .call(() -> audit.recordSearch(session, who, "Flag", patients, "worklist", 200));
                }));
    }

    /** Where one patient stands now (newest episode), or null when no episode is known; audited as a read. */
    public Uni<PatientStatus> status(Caller who, String patientId, String interaction, Instant now) {
        String patient = "Patient/" + patientId;
        return sessions.withTransaction(session -> monitoring.latestEpisode(session, patient)
                .chain(episodes -> episodes.isEmpty()
                        ? Uni.createFrom().<PatientStatus>nullItem()
                        : monitoring.activeFlags(session, List.of(patient))
                                .map(flags -> statuses.of(episodes, flags, now).get(0)))
                .call(status -> audit.record(session, who, AuditTrail.Action.R, interaction, "Patient", patientId,
                        null, status == null ? 404 : 200)));
    }

    /** A patient with two open episodes (a second infusion) is listed once, for the newer one. */
    private static List<EpisodeStateRow> newestPerPatient(List<EpisodeStateRow> rows) {
        Map<String, EpisodeStateRow> newest = new LinkedHashMap<>();
        for (EpisodeStateRow row : rows) {
            newest.merge(row.patientRef, row, (a, b) -> a.episodeNumber >= b.episodeNumber ? a : b);
        }
        return List.copyOf(newest.values());
    }
}
