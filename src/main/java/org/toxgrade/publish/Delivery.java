package org.toxgrade.publish;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.toxgrade.ehr.EhrClient;
import org.toxgrade.ehr.EhrException;
import org.toxgrade.ehr.EhrResponse;

/**
 * One delivery attempt of one outbox row: read the EHR's current resource (by the id the last delivery
 * wrote, else by business identifier; both past the EHR's caches), keep a clinician's decision,
 * recognise content already there (a retry after the EHR applied it), otherwise write: with
 * {@code If-Match} on the version just read, or as a conditional create ({@code ifNoneExist}) when none
 * was found, so that a resource the read did not see is never written over. A version conflict
 * (409/412), or a conditional create that finds a resource after all, means someone changed the
 * resource meanwhile: read again and decide again, a bounded number of times.
 */
@ApplicationScoped
class Delivery {

    private final EhrClient ehr;
    private final OutboxSettings config;

    Delivery(EhrClient ehr, OutboxSettings config) {
        this.ehr = ehr;
        this.config = config;
    }

    /** @param lastWritten where the last successful delivery for this identifier left the resource */
    Uni<DeliveryOutcome> deliver(OutboxRow row, Optional<OutboxStore.LastWritten> lastWritten) {
        return attempt(row, lastWritten, config.conflictRetries())
                .onFailure(EhrException.class).recoverWithItem(failure -> {
                    EhrException e = (EhrException) failure;
                    return e.kind() == EhrException.Kind.CIRCUIT_OPEN
                            ? new DeliveryOutcome.Released(e.getMessage())
                            : new DeliveryOutcome.Failed(null, e.getMessage(), false);
                });
    }

    /** What the EHR holds for the row's identifier now, or why it could not be read. */
    private record Current(List<WriteBackBundle.Found> found, DeliveryOutcome refused) {
    }

    /**
     * The resource by the EHR id the service last wrote (a read is never answered from a search cache), or,
     * before the first write or when the EHR no longer has that id, the search by identifier.
     */
    private Uni<Current> current(OutboxRow row, Optional<OutboxStore.LastWritten> lastWritten) {
        Optional<String> ehrId = lastWritten.map(OutboxStore.LastWritten::ehrId);
        if (ehrId.isEmpty()) {
            return search(row);
        }
        return ehr.read(row.resourceType, ehrId.get()).chain(read -> {
            if (read.ok()) {
                return Uni.createFrom()
                        .item(new Current(WriteBackBundle.fromRead(read.body(), row.resourceType), null));
            }
            if (read.status() == 404 || read.status() == 410) {
                return search(row);
            }
            return Uni.createFrom().item(new Current(List.of(), failure(read, OutboxError.READ_REFUSED)));
        });
    }

    private Uni<Current> search(OutboxRow row) {
        return ehr.searchByIdentifier(row.resourceType, row.identifierSystem, row.identifierValue)
                .map(search -> search.ok()
                        ? new Current(WriteBackBundle.matches(search.body(), row.resourceType), null)
                        : new Current(List.of(), failure(search, OutboxError.SEARCH_REFUSED)));
    }

    private Uni<DeliveryOutcome> attempt(OutboxRow row, Optional<OutboxStore.LastWritten> lastWritten,
            int conflictsLeft) {
        Optional<String> versionLastWritten = lastWritten.map(OutboxStore.LastWritten::versionId);
        return current(row, lastWritten).chain(looked -> {
            if (looked.refused() != null) {
                return Uni.createFrom().item(looked.refused());
            }
            List<WriteBackBundle.Found> found = looked.found();
            if (found.size() > 1) {
                return Uni.createFrom().item(
                        new DeliveryOutcome.Failed(412, OutboxError.IDENTIFIER_NOT_UNIQUE.message(found.size()), true));
            }
            Optional<WriteBackBundle.Found> current = found.stream().findFirst();
            if (current.isPresent()) {
                WriteBackBundle.Found now = current.get();
                if (row.contentSha256.equals(CanonicalContent.sha256(now.resource()))) {
                    return Uni.createFrom().item(new DeliveryOutcome.Sent(now.id(), now.versionId(), 200, true));
                }
                Optional<String> decision = ClinicianEdits.decisionIn(row.resourceType, now.resource(),
                        versionLastWritten);
                if (decision.isPresent()) {
                    return Uni.createFrom().item(new DeliveryOutcome.KeptByClinician(now.id(), now.versionId(),
                            decision.get()));
                }
            }
            Optional<String> ifMatch = current.map(WriteBackBundle.Found::versionId);
            return ehr.transaction(WriteBackBundle.transaction(row, ifMatch)).chain(answer -> {
                Optional<WriteBackBundle.Written> written = answer.ok()
                        ? WriteBackBundle.written(answer.body(), answer.etag())
                        : Optional.empty();
                // A conditional create answered 200 found a resource the read did not see: decide again.
                boolean foundAfterAll = ifMatch.isEmpty() && written.map(w -> w.status() == 200).orElse(false);
                if (answer.ok() && !foundAfterAll) {
                    return Uni.createFrom().item(written
                            .<DeliveryOutcome>map(
                                    w -> new DeliveryOutcome.Sent(w.id(), w.versionId(), w.status(), false))
                            .orElseGet(() -> new DeliveryOutcome.Failed(answer.status(),
                                    OutboxError.NO_LOCATION.message(), false)));
                }
                if ((foundAfterAll || answer.status() == 409 || answer.status() == 412) && conflictsLeft > 0) {
                    return attempt(row, lastWritten, conflictsLeft - 1);
                }
                if (foundAfterAll) {
                    return Uni.createFrom().item(new DeliveryOutcome.Failed(409,
                            OutboxError.TRANSACTION_REFUSED.message(409, "conditional create found a resource"),
                            false));
                }
                return Uni.createFrom().item(failure(answer, OutboxError.TRANSACTION_REFUSED));
            });
        });
    }

    /** 5xx, 408, 429, 401 and a conflict that persisted are worth another attempt; other 4xx are final. */
    private static DeliveryOutcome failure(EhrResponse response, OutboxError code) {
        int status = response.status();
        boolean retry = response.transientFailure() || status == 401 || status == 409 || status == 412;
        return new DeliveryOutcome.Failed(status,
                code.message(status, WriteBackBundle.issueCodes(response.body())), !retry);
    }
}
