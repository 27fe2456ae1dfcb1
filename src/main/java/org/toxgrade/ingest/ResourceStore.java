package org.toxgrade.ingest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.ingest.store.ReceivedResource;
import org.toxgrade.ingest.store.ReceivedResourceRepository;
import org.toxgrade.patient.FactStore;

/**
 * Stores one prepared write inside the caller's transaction, recognising redeliveries: the same
 * sender version again, or (without a sender version) content identical to the current version,
 * changes nothing. Senders that retry therefore never create duplicates.
 */
@ApplicationScoped
public class ResourceStore {

    private final ReceivedResourceRepository repository;
    private final FactStore facts;

    public ResourceStore(ReceivedResourceRepository repository, FactStore facts) {
        this.repository = repository;
        this.facts = facts;
    }

    public Uni<WriteOutcome> store(Mutiny.Session session, PreparedWrite write) {
        String type = write.type().fhirName();
        Uni<ReceivedResource> sameSourceVersion = write.sourceVersionId() == null
                ? Uni.createFrom().nullItem()
                : repository.bySourceVersion(session, type, write.id(), write.sourceVersionId());
        return sameSourceVersion.chain(existing -> {
            if (existing != null) {
                if (!existing.contentSha256.equals(write.contentSha256())) {
                    return Uni.createFrom()
                            .failure(IngestError.VERSION_CONTENT_CONFLICT.refuseAt("meta.versionId", type));
                }
                return Uni.createFrom().item(unchanged(write, existing));
            }
            return repository.latest(session, type, write.id()).chain(latest -> {
                if (latest != null && write.sourceVersionId() == null
                        && latest.contentSha256.equals(write.contentSha256())) {
                    return Uni.createFrom().item(unchanged(write, latest));
                }
                boolean stale = latest != null && SenderOrder.isOlder(write, latest);
                WriteOutcome.Kind kind = latest == null
                        ? WriteOutcome.Kind.CREATED
                        : stale ? WriteOutcome.Kind.STALE : WriteOutcome.Kind.UPDATED;
                return repository.maxVersion(session, type, write.id()).chain(max -> {
                    ReceivedResource row = newRow(write, max == null ? 1 : max + 1, stale);
                    // The raw resource and the facts it says commit together: nothing is half-stored.
                    // A stale version is kept for the record; the newer version's facts stay.
                    return repository.insert(session, row)
                            .call(stored -> stale
                                    ? Uni.createFrom().voidItem()
                                    : facts.replace(session, write.facts(), stored.versionId))
                            .map(stored -> new WriteOutcome(write, kind, stored.versionId, stored.receivedAt));
                });
            });
        });
    }

    private static WriteOutcome unchanged(PreparedWrite write, ReceivedResource existing) {
        return new WriteOutcome(write, WriteOutcome.Kind.UNCHANGED, existing.versionId, existing.receivedAt);
    }

    private static ReceivedResource newRow(PreparedWrite write, int version, boolean stale) {
        ReceivedResource row = new ReceivedResource();
        row.resourceType = write.type().fhirName();
        row.resourceId = write.id();
        row.versionId = version;
        row.sourceVersionId = write.sourceVersionId();
        row.sourceLastUpdated = write.sourceLastUpdated() == null
                ? null
                : write.sourceLastUpdated().atOffset(ZoneOffset.UTC);
        row.stale = stale;
        row.source = write.source();
        // PostgreSQL keeps microseconds: truncate so that what we answer equals what a read returns.
        row.receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        row.contentSha256 = write.contentSha256();
        row.rawJson = write.rawJson();
        row.storedJson = write.storedJson();
        return row;
    }
}
