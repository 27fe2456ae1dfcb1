package org.toxgrade.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.toxgrade.ehr.EhrClient;

/**
 * The FHIR JSON of one write-back and of the EHR's answers to it.
 *
 * <p>The write is a {@code transaction} Bundle: {@code PUT Device/toxgrade} (the author the results
 * name), a conditional update
 * {@code PUT [type]?identifier=[system]|[value]} of the resource (fullUrl {@code urn:uuid:}, with
 * {@code request.ifMatch} on the version just read when there is one), and {@code POST Provenance}
 * whose {@code target} is that fullUrl, so the EHR resolves it to the id it assigns or finds.
 */
final class WriteBackBundle {

    private WriteBackBundle() {
    }

    /** A resource found on the EHR: its JSON, id and {@code meta.versionId}. */
    record Found(JsonNode resource, String id, String versionId) {
    }

    /** Where the EHR put the resource: id, version and the entry's status (200 updated, 201 created). */
    record Written(String id, String versionId, int status) {
    }

    /** The resource and its Provenance as they are validated and sent; the Provenance targets {@code resourceUrl}. */
    record Prepared(String resourceUrl, ObjectNode resource, ObjectNode provenance) {
    }

    static final String DEVICE_ID = "toxgrade";

    /** The service as a Device (fhir-profiles example Device-toxgrade). */
    static ObjectNode device() {
        ObjectNode device = CanonicalContent.JSON.createObjectNode();
        device.put("resourceType", "Device").put("id", DEVICE_ID);
        device.putArray("identifier").addObject().put("system", "http://toxgrade.org/fhir/sid/device")
                .put("value", DEVICE_ID);
        device.put("status", "active");
        device.putArray("deviceName").addObject().put("name", "ToxGrade").put("type", "manufacturer-name");
        return device;
    }

    static Prepared prepare(OutboxRow row) {
        String resourceUrl = "urn:uuid:" + UUID.randomUUID();
        ObjectNode resource = (ObjectNode) read(row.resourceJson, OutboxError.RESOURCE_NOT_JSON);
        resource.remove("id");
        stripServerMeta(resource);
        ObjectNode provenance = (ObjectNode) read(row.provenanceJson, OutboxError.RESOURCE_NOT_JSON);
        provenance.remove("id");
        stripServerMeta(provenance);
        provenance.putArray("target").addObject().put("reference", resourceUrl);
        return new Prepared(resourceUrl, resource, provenance);
    }

    static String transaction(OutboxRow row, Optional<String> ifMatchVersion) {
        Prepared prepared = prepare(row);
        ObjectNode bundle = CanonicalContent.JSON.createObjectNode();
        bundle.put("resourceType", "Bundle").put("type", "transaction");
        ArrayNode entries = bundle.putArray("entry");

        // The results name the service as Device/toxgrade (Flag.author, Provenance.agent). FHIR servers
        // that enforce referential integrity (HAPI FHIR JPA does by default) refuse a reference to a
        // resource they do not hold, so the Device travels with every write: an update with unchanged
        // content creates no new version. It comes first: servers process PUT entries in Bundle
        // order, and the resource after it may reference it.
        ObjectNode device = entries.addObject();
        device.put("fullUrl", "urn:uuid:" + UUID.randomUUID());
        device.set("resource", device());
        device.putObject("request").put("method", "PUT").put("url", "Device/" + DEVICE_ID);

        ObjectNode write = entries.addObject();
        write.put("fullUrl", prepared.resourceUrl());
        write.set("resource", prepared.resource());
        String identifier = EhrClient.identifierParameter(row.identifierSystem, row.identifierValue);
        if (ifMatchVersion.isPresent()) {
            // The version just read: a clinician's edit in between makes the EHR answer 412, never lost.
            write.putObject("request").put("method", "PUT").put("url", row.resourceType + "?identifier=" + identifier)
                    .put("ifMatch", "W/\"" + ifMatchVersion.get() + "\"");
        } else {
            // None was found: a conditional create, so a resource the read did not see is not written over.
            write.putObject("request").put("method", "POST").put("url", row.resourceType)
                    .put("ifNoneExist", "identifier=" + identifier);
        }

        ObjectNode record = entries.addObject();
        record.put("fullUrl", "urn:uuid:" + UUID.randomUUID());
        record.set("resource", prepared.provenance());
        record.putObject("request").put("method", "POST").put("url", "Provenance");

        return bundle.toString();
    }

    /** The resource of a read, when it is of the type asked for. */
    static List<Found> fromRead(String resourceJson, String type) {
        JsonNode resource = read(resourceJson, OutboxError.EHR_ANSWER_NOT_JSON);
        if (!type.equals(resource.path("resourceType").asText())) {
            return List.of();
        }
        return List.of(new Found(resource, resource.path("id").asText(null),
                resource.path("meta").path("versionId").asText(null)));
    }

    /** The resources of a searchset that match (not included ones, not OperationOutcomes). */
    static List<Found> matches(String searchsetJson, String type) {
        List<Found> found = new ArrayList<>();
        for (JsonNode entry : read(searchsetJson, OutboxError.EHR_ANSWER_NOT_JSON).path("entry")) {
            JsonNode resource = entry.path("resource");
            String mode = entry.path("search").path("mode").asText("match");
            if (type.equals(resource.path("resourceType").asText()) && "match".equals(mode)) {
                found.add(new Found(resource, resource.path("id").asText(null),
                        resource.path("meta").path("versionId").asText(null)));
            }
        }
        return found;
    }

    /** Entry of the written resource in the transaction (after the Device). */
    static final int RESOURCE_ENTRY = 1;

    /** The resource entry's answer of a transaction-response; empty if it does not say where the resource went. */
    static Optional<Written> written(String transactionResponseJson, String etagHeader) {
        JsonNode response = read(transactionResponseJson, OutboxError.EHR_ANSWER_NOT_JSON).path("entry")
                .path(RESOURCE_ENTRY).path("response");
        String location = response.path("location").asText(null);
        String status = response.path("status").asText("200");
        if (location == null) {
            return Optional.empty();
        }
        String[] parts = location.split("\\?")[0].split("/");
        String id = null;
        String version = null;
        for (int i = 0; i < parts.length - 1; i++) {
            if ("_history".equals(parts[i])) {
                version = parts[i + 1];
                id = i > 0 ? parts[i - 1] : null;
            }
        }
        if (id == null) {
            id = parts[parts.length - 1];
        }
        if (version == null) {
            version = versionOfEtag(response.path("etag").asText(etagHeader));
        }
        int code;
        try {
            code = Integer.parseInt(status.trim().split(" ")[0]);
        } catch (NumberFormatException e) {
            code = 200;
        }
        return Optional.of(new Written(id, version, code));
    }

    static String versionOfEtag(String etag) {
        if (etag == null) {
            return null;
        }
        return etag.replaceFirst("^W/", "").replace("\"", "");
    }

    /** The {@code issue.code} values of an OperationOutcome answer (codes, never diagnostics text). */
    static String issueCodes(String body) {
        try {
            List<String> codes = new ArrayList<>();
            CanonicalContent.JSON.readTree(body).path("issue").forEach(i -> codes.add(i.path("code").asText("?")));
            return codes.isEmpty() ? "none" : String.join(",", codes);
        } catch (JsonProcessingException | RuntimeException e) {
            return "none";
        }
    }

    private static void stripServerMeta(ObjectNode resource) {
        if (resource.get("meta") instanceof ObjectNode meta) {
            meta.remove(List.of("versionId", "lastUpdated", "source"));
            if (meta.isEmpty()) {
                resource.remove("meta");
            }
        }
    }

    private static JsonNode read(String json, OutboxError notJson) {
        try {
            return CanonicalContent.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(notJson.message(), e);
        }
    }
}
