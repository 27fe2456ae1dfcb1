package org.toxgrade.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Provenance;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.validation.ProfilePackage;

/**
 * One state of a Condition or Flag the EHR should hold, with the Provenance of its derivation.
 * Build it with {@link #of(FhirJson, DomainResource, Provenance)} (HAPI encoding: call it off the
 * event loop, where the resources are built) and hand it to {@link Outbox#enqueue}.
 *
 * <p>The Provenance's {@code target} is rewritten on delivery to point at the resource written in
 * the same transaction; whatever the builder put there is kept only in the outbox row.
 *
 * @param patientRef       the subject, e.g. {@code Patient/123}
 * @param resourceType     {@code Condition} or {@code Flag}
 * @param identifierSystem the business identifier system (the service's own, see {@link ProfilePackage})
 * @param identifierValue  the business identifier value, e.g. {@code ep-0001-crs}
 * @param resourceJson     the profiled resource as FHIR JSON; its {@code id} is not sent
 * @param provenanceJson   the derivation Provenance as FHIR JSON
 * @param contentSha256    {@link CanonicalContent#sha256} of the resource
 */
public record OutboundChange(String patientRef, String resourceType, String identifierSystem, String identifierValue,
        String resourceJson, String provenanceJson, String contentSha256) {

    public OutboundChange {
        Objects.requireNonNull(patientRef, OutboxError.NO_PATIENT.message());
        if (!"Condition".equals(resourceType) && !"Flag".equals(resourceType)) {
            throw new IllegalArgumentException(OutboxError.TYPE_NOT_WRITTEN_BACK.message(resourceType));
        }
        Objects.requireNonNull(identifierValue, OutboxError.NO_BUSINESS_IDENTIFIER.message());
        Objects.requireNonNull(identifierSystem);
        Objects.requireNonNull(resourceJson);
        Objects.requireNonNull(provenanceJson);
        Objects.requireNonNull(contentSha256);
    }

    /** From built resources: encodes both and reads patient, type and business identifier from the resource. */
    public static OutboundChange of(FhirJson json, DomainResource resource, Provenance provenance) {
        if (!(resource instanceof Condition) && !(resource instanceof Flag)) {
            throw new IllegalArgumentException(OutboxError.TYPE_NOT_WRITTEN_BACK.message(resource.fhirType()));
        }
        return ofJson(json.encode(resource), json.encode(provenance));
    }

    /** From FHIR JSON text as the builders encoded it. */
    public static OutboundChange ofJson(String resourceJson, String provenanceJson) {
        JsonNode resource;
        try {
            resource = CanonicalContent.JSON.readTree(resourceJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(OutboxError.RESOURCE_NOT_JSON.message(), e);
        }
        String value = null;
        for (JsonNode identifier : resource.path("identifier")) {
            if (ProfilePackage.DERIVED_RESULT_IDENTIFIER_SYSTEM.equals(identifier.path("system").asText())
                    && identifier.hasNonNull("value")) {
                value = identifier.get("value").asText();
                break;
            }
        }
        String patient = resource.path("subject").path("reference").asText(null);
        return new OutboundChange(patient, resource.path("resourceType").asText(),
                ProfilePackage.DERIVED_RESULT_IDENTIFIER_SYSTEM, value, resourceJson, provenanceJson,
                CanonicalContent.sha256(resource));
    }
}
