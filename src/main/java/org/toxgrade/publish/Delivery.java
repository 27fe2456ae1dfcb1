package org.toxgrade.publish;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.toxgrade.ehr.EhrClient;
import org.toxgrade.ehr.EhrException;
import org.toxgrade.ehr.EhrResponse;

/**
 * One delivery attempt of one outbox row: read the EHR's current resource by business identifier,
 * keep a clinician's decision, recognise content already there (a retry after the EHR applied it),
 * otherwise write with {@code If-Match} on the version just read. A version conflict (409/412)
 * means someone changed the resource meanwhile: read again and decide again, a bounded number of times.
 */
@ApplicationScoped
class Delivery {

    private final EhrClient ehr;
    private final OutboxSettings config;

    Delivery(EhrClient ehr, OutboxSettings config) {
        this.ehr = ehr;
        this.config = config;
    }

    /** @param versionLastWritten the EHR version the last successful delivery for this identifier produced */
    Uni<DeliveryOutcome> deliver(OutboxRow row, Optional<String> versionLastWritten) {
        return attempt(row, versionLastWritten, config.conflictRetries())
                .onFailure(EhrException.class).recoverWithItem(failure -> {
                    EhrException e = (EhrException) failure;
                    return e.kind() == EhrException.Kind.CIRCUIT_OPEN
                            ? new DeliveryOutcome.Released(e.getMessage())
                            : new DeliveryOutcome.Failed(null, e.getMessage(), false);
                });
    }

    private Uni<DeliveryOutcome> attempt(OutboxRow row, Optional<String> versionLastWritten, int conflictsLeft) {
        return ehr.searchByIdentifier(row.resourceType, row.identifierSystem, row.identifierValue).chain(search -> {
            if (!search.ok()) {
                return Uni.createFrom().item(failure(search, OutboxError.SEARCH_REFUSED));
            }
            List<WriteBackBundle.Found> found = WriteBackBundle.matches(search.body(), row.resourceType);
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
                if (answer.ok()) {
                    return Uni.createFrom().item(WriteBackBundle.written(answer.body(), answer.etag())
                            .<DeliveryOutcome>map(
                                    w -> new DeliveryOutcome.Sent(w.id(), w.versionId(), w.status(), false))
                            .orElseGet(() -> new DeliveryOutcome.Failed(answer.status(),
                                    OutboxError.NO_LOCATION.message(), false)));
                }
                if ((answer.status() == 409 || answer.status() == 412) && conflictsLeft > 0) {
                    return attempt(row, versionLastWritten, conflictsLeft - 1);
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
