package org.toxgrade.ingest;

import java.time.Instant;
import java.util.List;

import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.facts.FactExtraction;

/**
 * A resource parsed and checked off the event loop, ready to be stored.
 *
 * @param type the resource type
 * @param id the id it will be stored under (assigned for a create)
 * @param interaction create or update
 * @param source how it arrived, e.g. "create", "update", "batch", "transaction"
 * @param sourceVersionId meta.versionId as the sender gave it, or null
 * @param sourceLastUpdated meta.lastUpdated as the sender gave it, or null
 * @param rawJson the resource exactly as the sender wrote it
 * @param storedJson the resource as stored (id assigned, transaction references resolved)
 * @param contentSha256 hash of the content without meta, to recognise redeliveries
 * @param resource the parsed resource, for the answer
 * @param facts what the resource says as clinical facts (replaces what its earlier versions said)
 * @param precondition what must hold for the write to go ahead ({@link Precondition#NONE} mostly)
 * @param unknownElements elements of the resource FHIR R4 does not define: kept in {@code rawJson} only
 */
public record PreparedWrite(
        IngestibleType type,
        String id,
        Interaction interaction,
        String source,
        String sourceVersionId,
        Instant sourceLastUpdated,
        String rawJson,
        String storedJson,
        String contentSha256,
        Resource resource,
        FactExtraction facts,
        Precondition precondition,
        List<String> unknownElements) {

    /** The same write under a condition. */
    public PreparedWrite when(Precondition condition) {
        return new PreparedWrite(type, id, interaction, source, sourceVersionId, sourceLastUpdated, rawJson, storedJson,
                contentSha256, resource, facts, condition, unknownElements);
    }

    /** A conditional create answered by the resource {@code existingId} already stored. */
    PreparedWrite existing(String existingId) {
        return new PreparedWrite(type, existingId, interaction, source, sourceVersionId, sourceLastUpdated, rawJson,
                storedJson, contentSha256, resource, facts, precondition, unknownElements);
    }
}
