package org.toxgrade.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.facts.FactMapper;
import org.toxgrade.facts.FactMappingException;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.security.Caller;
import org.toxgrade.security.Permission;

/**
 * Parses and checks what a sender pushed, off the event loop (HAPI parsing is CPU work): JSON
 * well-formedness, resource type, ids, Bundle entries and their requests. Produces writes that the
 * store performs without further parsing. Nothing here touches the database.
 */
@Singleton
public class RequestPreparer {

    /** FHIR R4 id datatype. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final FhirJson json;
    private final ObjectMapper mapper;
    private final IngestConfig config;
    private final FactMapper facts;

    public RequestPreparer(FhirJson json, ObjectMapper mapper, IngestConfig config, FactMapper facts) {
        this.facts = facts;
        this.json = json;
        this.mapper = mapper;
        this.config = config;
    }

    /** POST /fhir/{type} (create) or PUT /fhir/{type}/{id} (update). */
    public PreparedWrite single(String body, String urlType, String urlId) {
        JsonNode tree = readTree(body);
        IngestibleType type = acceptedType(urlType,
                "TG-INGEST-002: resource type '%s' cannot be written here; accepted: %s");
        String bodyType = tree.path("resourceType").asText();
        if (!urlType.equals(bodyType)) {
            throw new FhirException(400, IssueType.INVALID,
                    "TG-INGEST-003: body resourceType '" + bodyType + "' does not match the URL type '" + urlType + "'",
                    "resourceType");
        }
        Resource resource = (Resource) json.parse(body);
        Interaction interaction = urlId == null ? Interaction.CREATE : Interaction.UPDATE;
        String id = interaction == Interaction.CREATE ? newId() : checkedUpdateId(resource, urlId);
        return prepare(type, id, interaction, interaction == Interaction.CREATE ? "create" : "update", resource, body,
                Map.of());
    }

    /** POST /fhir with a batch or transaction Bundle. */
    public BundlePlan bundle(String body, Caller caller) {
        JsonNode tree = readTree(body);
        String bodyType = tree.path("resourceType").asText();
        if (!"Bundle".equals(bodyType)) {
            throw new FhirException(422, IssueType.NOTSUPPORTED,
                    "TG-INGEST-020: POST /fhir takes a batch or transaction Bundle, not '" + bodyType + "'",
                    "resourceType");
        }
        JsonNode rawEntries = tree.path("entry");
        if (rawEntries.size() > config.maxBundleEntries()) {
            throw new FhirException(413, IssueType.TOOCOSTLY, "TG-INGEST-021: Bundle has " + rawEntries.size()
                    + " entries; at most " + config.maxBundleEntries() + " are accepted in one request",
                    "Bundle.entry");
        }
        Bundle bundle = (Bundle) json.parse(body);
        BundleType bundleType = bundle.getType();
        if (bundleType != BundleType.BATCH && bundleType != BundleType.TRANSACTION) {
            throw new FhirException(422, IssueType.NOTSUPPORTED,
                    "TG-INGEST-022: Bundle.type must be batch or transaction, not '"
                            + (bundleType == null ? "missing" : bundleType.toCode()) + "'",
                    "Bundle.type");
        }
        boolean transaction = bundleType == BundleType.TRANSACTION;
        String source = transaction ? "transaction" : "batch";

        // First pass: decide every entry's interaction and id, so that references between the
        // entries of a transaction can be resolved before anything is encoded.
        List<Resolved> resolved = new ArrayList<>();
        Map<String, String> fullUrlToReference = new HashMap<>();
        Set<String> targets = new HashSet<>();
        List<BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            try {
                Resolved entry = resolveEntry(entries.get(i), i, rawEntries.get(i), caller);
                if (transaction && !targets.add(entry.type.fhirName() + "/" + entry.id)) {
                    throw new FhirException(400, IssueType.DUPLICATE, "TG-INGEST-023: transaction writes the same "
                            + entry.type.fhirName() + " more than once", "Bundle.entry[" + i + "]");
                }
                if (entry.fullUrl != null) {
                    fullUrlToReference.put(entry.fullUrl, entry.type.fhirName() + "/" + entry.id);
                }
                resolved.add(entry);
            } catch (FhirException e) {
                if (transaction) {
                    throw e; // all or nothing: one bad entry refuses the whole transaction
                }
                resolved.add(new Resolved(i, null, null, null, null, null, null, e));
            }
        }

        List<BundlePlan.Entry> plans = new ArrayList<>();
        for (Resolved entry : resolved) {
            if (entry.error != null) {
                plans.add(BundlePlan.Entry.refused(entry.index, entry.error));
                continue;
            }
            Map<String, String> references = transaction ? fullUrlToReference : Map.of();
            try {
                plans.add(BundlePlan.Entry.of(entry.index, prepare(entry.type, entry.id, entry.interaction, source,
                        entry.resource, entry.rawJson, references)));
            } catch (FhirException e) {
                FhirException located = new FhirException(e.status(), e.issueType(), e.getMessage(),
                        inEntry(entry.index, e.expression()));
                if (transaction) {
                    throw located;
                }
                plans.add(BundlePlan.Entry.refused(entry.index, located));
            }
        }
        return new BundlePlan(transaction, plans);
    }

    private record Resolved(int index, IngestibleType type, String id, Interaction interaction, Resource resource,
            String rawJson, String fullUrl, FhirException error) {
    }

    private Resolved resolveEntry(BundleEntryComponent entry, int index, JsonNode rawEntry, Caller caller) {
        String path = "Bundle.entry[" + index + "]";
        if (!entry.hasRequest() || entry.getRequest().getMethod() == null) {
            throw new FhirException(400, IssueType.REQUIRED,
                    "TG-INGEST-024: entry.request.method is required in a batch or transaction", path + ".request");
        }
        HTTPVerb method = entry.getRequest().getMethod();
        String url = entry.getRequest().getUrl();
        if (method != HTTPVerb.POST && method != HTTPVerb.PUT) {
            throw new FhirException(405, IssueType.NOTSUPPORTED,
                    "TG-INGEST-025: only POST and PUT entries are accepted, not " + method.toCode(),
                    path + ".request.method");
        }
        if (url == null || url.isBlank()) {
            throw new FhirException(400, IssueType.REQUIRED, "TG-INGEST-026: entry.request.url is required",
                    path + ".request.url");
        }
        if (url.contains("?") || entry.getRequest().hasIfNoneExist() || entry.getRequest().hasIfMatch()) {
            throw new FhirException(422, IssueType.NOTSUPPORTED,
                    "TG-INGEST-027: conditional create and update are not supported; PUT Type/id with the sender's id instead",
                    path + ".request");
        }
        if (!entry.hasResource()) {
            throw new FhirException(400, IssueType.REQUIRED, "TG-INGEST-028: entry.resource is required for "
                    + method.toCode(), path + ".resource");
        }
        Resource resource = entry.getResource();
        String[] parts = url.replaceFirst("^/", "").split("/");
        String urlType = parts[0];
        IngestibleType type = acceptedType(urlType,
                "TG-INGEST-029: resource type '%s' cannot be written here; accepted: %s");
        if (!urlType.equals(resource.fhirType())) {
            throw new FhirException(400, IssueType.INVALID, "TG-INGEST-030: entry resource type '"
                    + resource.fhirType() + "' does not match request.url type '" + urlType + "'", path + ".resource");
        }
        // FHIR security: each entry of a batch or transaction is authorised on its own.
        Permission needed = method == HTTPVerb.POST ? Permission.C : Permission.U;
        if (!caller.may(type.fhirName(), needed)) {
            FhirException refused = Caller.forbidden("system/" + type.fhirName() + "." + needed.letter());
            throw new FhirException(403, refused.issueType(), refused.getMessage(), path);
        }
        Interaction interaction;
        String id;
        if (method == HTTPVerb.POST) {
            if (parts.length != 1) {
                throw new FhirException(400, IssueType.INVALID,
                        "TG-INGEST-031: a POST entry's request.url is the resource type alone", path + ".request.url");
            }
            interaction = Interaction.CREATE;
            id = newId();
        } else {
            if (parts.length != 2) {
                throw new FhirException(400, IssueType.INVALID,
                        "TG-INGEST-032: a PUT entry's request.url is Type/id", path + ".request.url");
            }
            interaction = Interaction.UPDATE;
            id = checkedUpdateId(resource, parts[1]);
        }
        String fullUrl = entry.hasFullUrl() ? entry.getFullUrl() : null;
        return new Resolved(index, type, id, interaction, resource, rawEntry.path("resource").toString(), fullUrl,
                null);
    }

    private PreparedWrite prepare(IngestibleType type, String id, Interaction interaction, String source,
            Resource resource, String rawJson, Map<String, String> fullUrlToReference) {
        String sourceVersion = resource.hasMeta() && resource.getMeta().hasVersionId()
                ? resource.getMeta().getVersionId()
                : null;
        java.time.Instant sourceLastUpdated = resource.hasMeta() && resource.getMeta().hasLastUpdated()
                ? resource.getMeta().getLastUpdated().toInstant()
                : null;
        resource.setId(type.fhirName() + "/" + id);
        TransactionReferences.resolve(json.context().newTerser(), resource, fullUrlToReference);
        String contentHash = ContentHash.of(json, resource);
        FactExtraction extraction;
        try {
            extraction = facts.map(resource);
        } catch (FactMappingException e) {
            // A known code with an impossible value, a missing unit, subject or time: the sender must
            // correct the record; storing it half-understood would grade on a guess.
            throw new FhirException(422, IssueType.PROCESSING, e.getMessage(), e.fhirPath());
        }
        return new PreparedWrite(type, id, interaction, source, sourceVersion, sourceLastUpdated, rawJson,
                json.encode(resource),
                contentHash, resource, extraction);
    }

    /** {@code Observation.valueQuantity} in entry 3 becomes {@code Bundle.entry[3].resource.valueQuantity}. */
    static String inEntry(int index, String expression) {
        String entry = "Bundle.entry[" + index + "].resource";
        if (expression == null) {
            return entry;
        }
        int dot = expression.indexOf('.');
        return dot < 0 ? entry : entry + expression.substring(dot);
    }

    private JsonNode readTree(String body) {
        if (body == null || body.isBlank()) {
            throw new FhirException(400, IssueType.REQUIRED, "TG-INGEST-001: the request body is empty");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new FhirException(400, IssueType.STRUCTURE, "TG-INGEST-004: the body must be a JSON object");
            }
            if (!tree.path("resourceType").isTextual()) {
                throw new FhirException(400, IssueType.REQUIRED,
                        "TG-INGEST-005: the body has no resourceType", "resourceType");
            }
            return tree;
        } catch (JsonProcessingException e) {
            // Jackson's location (line, column) helps the sender; its message does not echo values.
            throw new FhirException(400, IssueType.STRUCTURE, "TG-INGEST-006: the body is not well-formed JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    private static IngestibleType acceptedType(String fhirType, String messageFormat) {
        return IngestibleType.of(fhirType).orElseThrow(() -> new FhirException(422, IssueType.NOTSUPPORTED,
                String.format(messageFormat, fhirType, IngestibleType.names()), "resourceType"));
    }

    private static String checkedUpdateId(IBaseResource resource, String urlId) {
        if (!FHIR_ID.matcher(urlId).matches()) {
            throw new FhirException(400, IssueType.INVALID,
                    "TG-INGEST-007: the id is not a valid FHIR id ([A-Za-z0-9-.]{1,64})", "id");
        }
        String bodyId = resource.getIdElement().getIdPart();
        if (bodyId == null) {
            throw new FhirException(400, IssueType.REQUIRED,
                    "TG-INGEST-008: an update must carry the resource id in the body", "id");
        }
        if (!bodyId.equals(urlId)) {
            throw new FhirException(400, IssueType.INVALID,
                    "TG-INGEST-009: the body id does not match the id in the URL", "id");
        }
        return urlId;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
