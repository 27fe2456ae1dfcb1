package org.toxgrade.results;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.patient.EpisodeStateRow;

/**
 * The queries of the ward's view: episodes still in monitoring (their window, infusion to day 100, not yet
 * over) and the active Flags of the patients they belong to.
 */
@ApplicationScoped
public class MonitoringStore {

    /** Episodes whose window ends after {@code now}, most recent infusion first. */
    public Uni<List<EpisodeStateRow>> openEpisodes(Mutiny.Session session, OffsetDateTime now) {
        return session.createSelectionQuery(
                "from EpisodeStateRow where windowEnd > :now order by infusionAt desc, patientRef",
                EpisodeStateRow.class)
                .setParameter("now", now)
                .getResultList();
    }

    /** The patients' newest episode (by number), or none. */
    public Uni<List<EpisodeStateRow>> latestEpisode(Mutiny.Session session, String patientRef) {
        return session.createSelectionQuery(
                "from EpisodeStateRow where patientRef = :patient order by episodeNumber desc", EpisodeStateRow.class)
                .setParameter("patient", patientRef)
                .setMaxResults(1)
                .getResultList();
    }

    /** The current version of every active Flag of these patients. */
    public Uni<List<DerivedResourceRow>> activeFlags(Mutiny.Session session, List<String> patientRefs) {
        if (patientRefs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery(
                "from DerivedResourceRow where resourceType = 'Flag' and status = 'active' and patientRef in :patients",
                DerivedResourceRow.class)
                .setParameter("patients", patientRefs)
                .getResultList();
    }
}
