package org.toxgrade.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.audit.AuditTrail;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.ingest.store.ReceivedResource;
import org.toxgrade.ingest.store.ReceivedResourceRepository;
import org.toxgrade.security.Caller;
import org.toxgrade.security.Permission;

/** FHIR read and vread of received resources, with the service's version and time in meta. */
@ApplicationScoped
public class StoredResourceReader {

    private final Vertx vertx;
    private final Mutiny.SessionFactory sessions;
    private final ReceivedResourceRepository repository;
    private final FhirJson json;
    private final AuditTrail audit;

    public StoredResourceReader(Vertx vertx, Mutiny.SessionFactory sessions, ReceivedResourceRepository repository,
            FhirJson json, AuditTrail audit) {
        this.audit = audit;
        this.vertx = vertx;
        this.sessions = sessions;
        this.repository = repository;
        this.json = json;
    }

    /** The resource as stored; {@code versionId} null for the current version. */
    public Uni<Resource> read(Caller caller, String type, String id, Integer versionId) {
        caller.require(type, Permission.R);
        IngestibleType ingestible = IngestibleType.of(type)
                .orElseThrow(() -> IngestError.READ_TYPE_NOT_STORED.refuse(type));
        // Ids are held to the write rule on reads too: what could not be written is not looked for.
        FhirIds.require(id, "id");
        return sessions.withTransaction(session -> (versionId == null
                ? repository.latest(session, ingestible.fhirName(), id)
                : repository.version(session, ingestible.fhirName(), id, versionId))
                .call(row -> row == null
                        ? Uni.createFrom().voidItem()
                        : audit.record(session, caller, AuditTrail.Action.R, versionId == null ? "read" : "vread",
                                row.resourceType, row.resourceId, row.versionId, 200)))
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().failure(IngestError.READ_NO_SUCH_RESOURCE.refuse(type,
                                versionId == null ? "" : " version"));
                    }
                    return vertx.executeBlocking(() -> toResource(row), false);
                });
    }

    private Resource toResource(ReceivedResource row) {
        Resource resource = (Resource) json.parse(row.storedJson);
        resource.getMeta().setVersionId(Integer.toString(row.versionId));
        resource.getMeta().setLastUpdated(Date.from(row.receivedAt.toInstant()));
        return resource;
    }
}
