package org.toxgrade.ingest.store;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads and writes {@link ReceivedResource} rows inside the caller's session and transaction. */
@ApplicationScoped
public class ReceivedResourceRepository {

    /** The current version: the newest that is not stale. */
    public Uni<ReceivedResource> latest(Mutiny.Session session, String type, String id) {
        return session.createSelectionQuery(
                "from ReceivedResource where resourceType = :type and resourceId = :id and stale = false "
                        + "order by versionId desc",
                ReceivedResource.class)
                .setParameter("type", type)
                .setParameter("id", id)
                .setMaxResults(1)
                .getSingleResultOrNull();
    }

    public Uni<ReceivedResource> version(Mutiny.Session session, String type, String id, int versionId) {
        return session.createSelectionQuery(
                "from ReceivedResource where resourceType = :type and resourceId = :id and versionId = :version",
                ReceivedResource.class)
                .setParameter("type", type)
                .setParameter("id", id)
                .setParameter("version", versionId)
                .getSingleResultOrNull();
    }
}
