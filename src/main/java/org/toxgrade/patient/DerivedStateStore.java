package org.toxgrade.patient;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.publish.OutboundChange;
import org.toxgrade.publish.Outbox;

/**
 * Stores a patient's derived Conditions, Flags and episode timelines inside the derivation's
 * transaction. Only what changed gets a new version, so re-deriving unchanged data writes nothing
 * (and sends nothing to the EHR).
 */
@ApplicationScoped
public class DerivedStateStore {

    /** What a derivation changed: the new version of each changed resource. */
    public record Change(DerivedResourceRow row, boolean firstVersion, List<String> sources) {
    }

    private final Outbox outbox;

    public DerivedStateStore(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Map<String, DerivedResourceRow>> existing(Mutiny.Session session, String patient) {
        return session.createSelectionQuery("from DerivedResourceRow where patientRef = :patient",
                DerivedResourceRow.class)
                .setParameter("patient", patient)
                .getResultList()
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> r.resourceType + "/" + r.resourceId,
                        Function.identity())));
    }

    /**
     * The patient's stored results the EHR has received (see {@link Outbox#publishedResults}): a
     * result the data stops supporting is withdrawn in view if it is among them, removed otherwise.
     */
    public Uni<Set<String>> published(Mutiny.Session session, String patient) {
        return outbox.publishedResults(session, patient);
    }

    /** The patient's episodes with their stored timelines, in episode order. */
    public Uni<List<EpisodeStateRow>> episodes(Mutiny.Session session, String patient) {
        return session.createSelectionQuery("from EpisodeStateRow where patientRef = :patient order by episodeNumber",
                EpisodeStateRow.class)
                .setParameter("patient", patient)
                .getResultList();
    }

    public Uni<List<Change>> apply(Mutiny.Session session, String patient, DerivedState derived,
            Map<String, DerivedResourceRow> existing, OffsetDateTime now) {
        List<Change> changes = new ArrayList<>();
        List<OutboundChange> outbound = new ArrayList<>();
        List<Object> toPersist = new ArrayList<>();
        for (DerivedState.EncodedResource resource : derived.resources()) {
            DerivedResourceRow row = existing.get(resource.resourceType() + "/" + resource.id());
            if (row != null && row.contentSha256.equals(resource.sha256())) {
                continue;
            }
            boolean first = row == null;
            if (first) {
                row = new DerivedResourceRow();
                row.resourceType = resource.resourceType();
                row.resourceId = resource.id();
                row.patientRef = patient;
                row.firstRecordedAt = now;
                row.versionId = 0;
                toPersist.add(row);
            }
            row.episodeKey = resource.episodeKey();
            row.status = resource.status();
            row.versionId += 1;
            row.contentSha256 = resource.sha256();
            row.resourceJson = resource.json();
            row.lastUpdated = now;
            changes.add(new Change(row, first, resource.sources()));
            outbound.add(resource.outbound());
        }
        return (toPersist.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(toPersist.toArray()))
                .chain(() -> retract(session, patient, derived.retracted(), existing))
                .chain(() -> storeEpisodes(session, patient, derived, now))
                // The EHR's copy follows in the same transaction: a stored result is never left unsent.
                .chain(() -> Multi.createFrom().iterable(outbound)
                        .onItem().transformToUniAndConcatenate(change -> outbox.enqueue(session, change))
                        .collect().last())
                .chain(session::flush)
                .replaceWith(changes);
    }

    /** Removes results that never left the service and that the data no longer supports. */
    private Uni<Void> retract(Mutiny.Session session, String patient, List<String> retracted,
            Map<String, DerivedResourceRow> existing) {
        return Multi.createFrom().iterable(retracted)
                .onItem().transformToUniAndConcatenate(ref -> {
                    DerivedResourceRow row = existing.get(ref);
                    return outbox.retract(session, patient, row.resourceType, row.resourceId)
                            .chain(() -> session.remove(row));
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> storeEpisodes(Mutiny.Session session, String patient, DerivedState derived, OffsetDateTime now) {
        return session.createMutationQuery("delete from EpisodeStateRow where patientRef = :patient")
                .setParameter("patient", patient)
                .executeUpdate()
                .chain(() -> Multi.createFrom().iterable(derived.episodes())
                        .onItem().transformToUniAndConcatenate(episode -> {
                            EpisodeStateRow row = new EpisodeStateRow();
                            row.episodeKey = episode.window().key();
                            row.patientRef = patient;
                            row.episodeNumber = episode.window().number();
                            row.infusionAt = episode.window().infusion().atOffset(ZoneOffset.UTC);
                            row.windowEnd = episode.window().end().atOffset(ZoneOffset.UTC);
                            row.timelineJson = episode.timelineJson();
                            row.derivedAt = now;
                            return session.persist(row);
                        })
                        .collect().last())
                .replaceWithVoid();
    }
}
