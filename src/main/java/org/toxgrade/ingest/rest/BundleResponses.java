package org.toxgrade.ingest.rest;

import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.toxgrade.fhir.OperationOutcomes;
import org.toxgrade.ingest.IngestService.BundleResult;
import org.toxgrade.ingest.UnknownCodeWarnings;
import org.toxgrade.ingest.WriteOutcome;

/**
 * Builds batch-response and transaction-response Bundles: one entry per request entry, same order. A
 * stored entry whose resource held codes the service does not know (TG-INGEST-101) or elements R4 does
 * not define (TG-INGEST-071) carries their warnings in {@code response.outcome}.
 */
final class BundleResponses {

    private BundleResponses() {
    }

    static Bundle of(BundleResult result) {
        Bundle bundle = new Bundle().setType(result.transaction()
                ? BundleType.TRANSACTIONRESPONSE
                : BundleType.BATCHRESPONSE);
        for (BundleResult.EntryResult entry : result.entries()) {
            Bundle.BundleEntryResponseComponent response = bundle.addEntry().getResponse();
            if (entry.error() != null) {
                response.setStatus(entry.error().status() + " " + reason(entry.error().status()))
                        .setOutcome(OperationOutcomes.of(entry.error()));
            } else {
                WriteOutcome outcome = entry.outcome();
                response.setStatus(outcome.httpStatus() + " " + reason(outcome.httpStatus()))
                        .setLocation(outcome.location())
                        .setEtag(outcome.etag())
                        .setLastModified(Date.from(outcome.lastUpdated().toInstant()));
                // Stored, but codes the service does not know give no facts, and elements R4 does not define
                // are read by nothing: always say so per entry.
                OperationOutcome warnings = UnknownCodeWarnings.of(outcome.write().facts())
                        .addTo(new OperationOutcome());
                UnknownElementWarnings.addTo(warnings, outcome.write().unknownElements());
                if (warnings.hasIssue()) {
                    response.setOutcome(warnings);
                }
            }
        }
        return bundle;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            default -> "";
        };
    }
}
