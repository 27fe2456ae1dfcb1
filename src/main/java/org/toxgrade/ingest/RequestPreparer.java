package org.toxgrade.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.facts.FactMapper;
import org.toxgrade.facts.FactMappingException;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.rest.ETags;
import org.toxgrade.security.Caller;
import org.toxgrade.security.Permission;

/**
 * Parses and checks what a sender pushed, off the event loop (HAPI parsing is CPU work): JSON
 * well-formedness and limits, resource type, ids, Bundle entries and their requests. Produces writes that the
 * store performs without further parsing. Nothing here touches the database.
 */
@Singleton
public class RequestPreparer {

    private final FhirJson json;
    private final JsonBodyReader bodies;
    private final IngestSettings config;
    private final FactMapper facts;

    public RequestPreparer(FhirJson json, JsonBodyReader bodies, IngestSettings config, FactMapper facts) {
        this.facts = facts;
        this.json = json;
        this.bodies = bodies;
        this.config = config;
    }

    /**
     * One line of a bulk import (NDJSON): the resource as an update of its own id, so that importing
     * the same file again stores nothing new; without an id, a create. The caller must be allowed
     * to write that type.
     */
    public PreparedWrite importLine(String line, Caller caller) {
        JsonNode tree = readTree(line);
        String bodyType = tree.path("resourceType").asText();
        if (bodyType.isEmpty()) {
            throw IngestError.NO_RESOURCE_TYPE.refuse();
        }
        IngestibleType type = acceptedType(bodyType, IngestError.TYPE_NOT_WRITABLE);
        String givenId = tree.path("id").isTextual() ? tree.path("id").asText() : null;
        Interaction interaction = givenId == null ? Interaction.CREATE : Interaction.UPDATE;
        caller.require(type.fhirName(), interaction == Interaction.CREATE ? Permission.C : Permission.U);
        FhirJson.Parsed parsed = parsed(line, false);
        Resource resource = (Resource) parsed.resource();
        String id = interaction == Interaction.CREATE ? newId() : checkedUpdateId(resource, givenId);
        return prepare(type, id, interaction, "import", resource, line, Map.of(), parsed.unknownElements());
    }

    /** POST /fhir/{type} (create) or PUT /fhir/{type}/{id} (update). */
    public PreparedWrite single(String body, String urlType, String urlId) {
        return single(body, urlType, urlId, false);
    }

    /**
     * @param strict {@code Prefer: handling=strict}: an element FHIR R4 does not define refuses the write
     *               (by default it is kept in the raw copy and the sender is warned)
     */
    public PreparedWrite single(String body, String urlType, String urlId, boolean strict) {
        JsonNode tree = readTree(body);
        IngestibleType type = acceptedType(urlType, IngestError.TYPE_NOT_WRITABLE);
        String bodyType = tree.path("resourceType").asText();
        if (!urlType.equals(bodyType)) {
            throw IngestError.BODY_TYPE_MISMATCH.refuseAt("resourceType", bodyType, urlType);
        }
        FhirJson.Parsed parsed = parsed(body, strict);
        Resource resource = (Resource) parsed.resource();
        Interaction interaction = urlId == null ? Interaction.CREATE : Interaction.UPDATE;
        String id = interaction == Interaction.CREATE ? newId() : checkedUpdateId(resource, urlId);
        return prepare(type, id, interaction, interaction == Interaction.CREATE ? "create" : "update", resource, body,
                Map.of(), parsed.unknownElements());
    }

    /**
     * PUT /fhir/{type}?identifier=...: the update of {@code existingId}, the resource found to carry the
     * identifier, or (null) a create under the body's id or a new one.
     */
    public PreparedWrite conditionalUpdate(String body, String urlType, String existingId, boolean strict) {
        JsonNode tree = readTree(body);
        IngestibleType type = acceptedType(urlType, IngestError.TYPE_NOT_WRITABLE);
        String bodyType = tree.path("resourceType").asText();
        if (!urlType.equals(bodyType)) {
            throw IngestError.BODY_TYPE_MISMATCH.refuseAt("resourceType", bodyType, urlType);
        }
        FhirJson.Parsed parsed = parsed(body, strict);
        Resource resource = (Resource) parsed.resource();
        String bodyId = resource.getIdElement().getIdPart();
        String id;
        if (existingId != null) {
            if (bodyId != null && !bodyId.equals(existingId)) {
                throw IngestError.CONDITIONAL_UPDATE_ID_MISMATCH.refuseAt("id", urlType);
            }
            id = existingId;
        } else {
            id = bodyId == null ? newId() : FhirIds.require(bodyId, "id");
        }
        return prepare(type, id, Interaction.UPDATE, "conditional-update", resource, body, Map.of(),
                parsed.unknownElements());
    }

    /**
     * The first pass over a batch or transaction Bundle: every entry's request checked (method, URL,
     * type, scope, conditions), and the identifier searches its conditional entries need. Nothing here
     * reads the database: the searches are run by the caller and handed to {@link #plan}.
     *
     * @param strict {@code Prefer: handling=strict}: an element R4 does not define anywhere refuses the Bundle
     */
    public BundleDraft draft(String body, Caller caller, boolean strict) {
        JsonNode tree = readTree(body);
        String bodyType = tree.path("resourceType").asText();
        if (!"Bundle".equals(bodyType)) {
            throw IngestError.NOT_A_BUNDLE.refuseAt("resourceType", bodyType);
        }
        BundleShape.check(tree);
        JsonNode rawEntries = tree.path("entry");
        if (rawEntries.size() > config.maxBundleEntries()) {
            throw IngestError.TOO_MANY_ENTRIES.refuseAt("Bundle.entry", rawEntries.size(), config.maxBundleEntries());
        }
        FhirJson.Parsed parsed = parsed(body, strict);
        Bundle bundle = (Bundle) parsed.resource();
        BundleType bundleType = bundle.getType();
        if (bundleType != BundleType.BATCH && bundleType != BundleType.TRANSACTION) {
            throw IngestError.BUNDLE_TYPE_NOT_ACCEPTED.refuseAt("Bundle.type",
                    bundleType == null ? "missing" : bundleType.toCode());
        }
        boolean transaction = bundleType == BundleType.TRANSACTION;
        List<Resolved> resolved = new ArrayList<>();
        List<BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            try {
                Resolved entry = resolveEntry(entries.get(i), i, rawEntries.get(i), caller);
                // Only when the Bundle as a whole had some: which entry holds which is found by parsing
                // that entry's resource again, so the normal path parses once.
                List<String> unknown = parsed.unknownElements().isEmpty()
                        ? List.of()
                        : json.parseNoting(entry.rawJson).unknownElements().stream()
                                .map(path -> inEntry(entry.index, path.contains(".")
                                        ? path
                                        : entry.type.fhirName() + "." + path))
                                .toList();
                resolved.add(entry.withUnknownElements(unknown));
            } catch (FhirException e) {
                if (transaction) {
                    throw e; // all or nothing: one bad entry refuses the whole transaction
                }
                resolved.add(Resolved.refused(i, e));
            }
        }
        return new BundleDraft(transaction, List.copyOf(resolved));
    }

    /**
     * A Bundle after its first pass ({@link #draft}).
     *
     * @param entries one per request entry, in order; refused ones carry their error
     */
    public record BundleDraft(boolean transaction, List<Resolved> entries) {

        /** Per entry index, the identifier search a conditional entry (ifNoneExist, Type?identifier) needs. */
        public Map<Integer, Lookup> lookups() {
            Map<Integer, Lookup> lookups = new TreeMap<>();
            for (Resolved entry : entries) {
                if (entry.error == null && entry.identifier != null) {
                    lookups.put(entry.index, new Lookup(entry.type.fhirName(), entry.identifier));
                }
            }
            return lookups;
        }
    }

    /** The resources of {@code type} whose current version carries {@code identifier} are wanted. */
    public record Lookup(String type, Precondition.Identifier identifier) {
    }

    /**
     * The second pass: each entry's id (a conditional update's from the resources found to carry its
     * identifier; a conditional create that found its resource is a reference target under that
     * resource's id), references between the entries of a transaction resolved, every write prepared
     * under its condition. The transaction that stores them reads the identifiers again under a lock
     * and refuses with 412 when what was found has changed.
     *
     * @param carriers per entry index of {@link BundleDraft#lookups()}, the ids found
     */
    public BundlePlan plan(BundleDraft draft, Map<Integer, List<String>> carriers) {
        boolean transaction = draft.transaction();
        String source = transaction ? "transaction" : "batch";
        List<Target> targets = new ArrayList<>();
        Map<String, String> fullUrlToReference = new HashMap<>();
        Set<String> written = new HashSet<>();
        for (Resolved entry : draft.entries()) {
            if (entry.error != null) {
                targets.add(new Target(entry, null, null, entry.error));
                continue;
            }
            try {
                Target target = target(entry, carriers.getOrDefault(entry.index, List.of()));
                String key = entry.type.fhirName() + "/" + target.id;
                String condition = entry.identifier == null
                        ? null
                        : entry.type.fhirName() + "?" + entry.identifier.system() + "|" + entry.identifier.value();
                if (transaction && (!written.add(key) || (condition != null && !written.add(condition)))) {
                    throw IngestError.TRANSACTION_DUPLICATE_TARGET.refuseAt("Bundle.entry[" + entry.index + "]",
                            entry.type.fhirName());
                }
                if (entry.fullUrl != null) {
                    fullUrlToReference.put(entry.fullUrl, key);
                }
                targets.add(target);
            } catch (FhirException e) {
                FhirException located = e.expression() == null ? e.at("Bundle.entry[" + entry.index + "]") : e;
                if (transaction) {
                    throw located;
                }
                targets.add(new Target(entry, null, null, located));
            }
        }

        List<BundlePlan.Entry> plans = new ArrayList<>();
        for (Target target : targets) {
            Resolved entry = target.entry;
            if (target.error != null) {
                plans.add(BundlePlan.Entry.refused(entry.index, target.error));
                continue;
            }
            Map<String, String> references = transaction ? fullUrlToReference : Map.of();
            try {
                plans.add(BundlePlan.Entry.of(entry.index, prepare(entry.type, target.id, entry.interaction, source,
                        entry.resource, entry.rawJson, references, entry.unknownElements).when(target.condition)));
            } catch (FhirException e) {
                FhirException located = e.at(inEntry(entry.index, e.expression()));
                if (transaction) {
                    throw located;
                }
                plans.add(BundlePlan.Entry.refused(entry.index, located));
            }
        }
        return new BundlePlan(transaction, plans);
    }

    private record Target(Resolved entry, String id, Precondition condition, FhirException error) {
    }

    /** The id an entry writes (or, for a conditional create that found its resource, stands for). */
    private Target target(Resolved entry, List<String> found) {
        String type = entry.type.fhirName();
        if (entry.conditionalUpdate) {
            if (found.size() > 1) {
                throw IngestError.CONDITION_MULTIPLE_MATCHES.refuse("conditional update", type);
            }
            String bodyId = entry.id; // as the sender wrote it (HAPI gives an entry without one its fullUrl)
            String id;
            if (found.size() == 1) {
                if (bodyId != null && !bodyId.equals(found.get(0))) {
                    throw IngestError.CONDITIONAL_UPDATE_ID_MISMATCH.refuseAt(
                            "Bundle.entry[" + entry.index + "].resource.id", type);
                }
                id = found.get(0);
            } else {
                id = bodyId == null
                        ? newId()
                        : FhirIds.require(bodyId, "Bundle.entry[" + entry.index + "].resource.id");
            }
            return new Target(entry, id, Precondition.identifierStill(entry.identifier, Set.copyOf(found)), null);
        }
        if (entry.identifier != null) { // ifNoneExist
            if (found.size() > 1) {
                throw IngestError.CONDITION_MULTIPLE_MATCHES.refuse("ifNoneExist", type);
            }
            String id = found.isEmpty() ? entry.id : found.get(0);
            return new Target(entry, id, Precondition.ifNoneExistFound(entry.identifier, Set.copyOf(found)), null);
        }
        return new Target(entry, entry.id,
                entry.ifMatch == null ? Precondition.NONE : Precondition.ifMatch(entry.ifMatch), null);
    }

    /**
     * One entry's request as read: {@code id} is, for a conditional update, the body's own id (or null) until
     * its identifier has been looked up; {@code identifier} is the condition's identifier (ifNoneExist or Type?identifier).
     */
    record Resolved(int index, IngestibleType type, String id, Interaction interaction, Resource resource,
            String rawJson, String fullUrl, Integer ifMatch, Precondition.Identifier identifier,
            boolean conditionalUpdate, List<String> unknownElements, FhirException error) {

        static Resolved refused(int index, FhirException error) {
            return new Resolved(index, null, null, null, null, null, null, null, null, false, List.of(), error);
        }

        Resolved withUnknownElements(List<String> unknown) {
            return new Resolved(index, type, id, interaction, resource, rawJson, fullUrl, ifMatch, identifier,
                    conditionalUpdate, unknown, error);
        }
    }

    private Resolved resolveEntry(BundleEntryComponent entry, int index, JsonNode rawEntry, Caller caller) {
        String path = "Bundle.entry[" + index + "]";
        if (!entry.hasRequest() || entry.getRequest().getMethod() == null) {
            throw IngestError.ENTRY_METHOD_MISSING.refuseAt(path + ".request");
        }
        HTTPVerb method = entry.getRequest().getMethod();
        String url = entry.getRequest().getUrl();
        if (method != HTTPVerb.POST && method != HTTPVerb.PUT) {
            throw IngestError.ENTRY_METHOD_NOT_ACCEPTED.refuseAt(path + ".request.method", method.toCode());
        }
        if (url == null || url.isBlank()) {
            throw IngestError.ENTRY_URL_MISSING.refuseAt(path + ".request.url");
        }
        if (!entry.hasResource()) {
            throw IngestError.ENTRY_RESOURCE_MISSING.refuseAt(path + ".resource", method.toCode());
        }
        Resource resource = entry.getResource();
        int question = url.indexOf('?');
        String[] parts = (question < 0 ? url : url.substring(0, question)).replaceFirst("^/", "").split("/");
        String urlType = parts[0];
        IngestibleType type = acceptedType(urlType, IngestError.ENTRY_TYPE_NOT_WRITABLE);
        if (!urlType.equals(resource.fhirType())) {
            throw IngestError.ENTRY_TYPE_MISMATCH.refuseAt(path + ".resource", resource.fhirType(), urlType);
        }
        boolean conditionalUpdate = method == HTTPVerb.PUT && question >= 0;
        // FHIR security: each entry of a batch or transaction is authorised on its own; a conditional
        // update may create as well as update (as PUT Type?identifier does on its own).
        Permission needed = method == HTTPVerb.POST ? Permission.C : Permission.U;
        if (!caller.may(type.fhirName(), needed) || (conditionalUpdate && !caller.may(type.fhirName(), Permission.C))) {
            throw Caller.forbidden("system/" + type.fhirName() + "." + needed.letter()).at(path);
        }
        Integer ifMatch = null;
        if (entry.getRequest().hasIfMatch()) {
            if (method != HTTPVerb.PUT || conditionalUpdate) {
                throw IngestError.ENTRY_CONDITION_MISPLACED.refuseAt(path + ".request.ifMatch", "ifMatch",
                        "an update of one resource, PUT Type/id");
            }
            ifMatch = ETags.version(entry.getRequest().getIfMatch());
            if (ifMatch == null) {
                throw IngestError.IF_MATCH_INVALID.refuseAt(path + ".request.ifMatch");
            }
        }
        Precondition.Identifier identifier = null;
        if (entry.getRequest().hasIfNoneExist()) {
            if (method != HTTPVerb.POST) {
                throw IngestError.ENTRY_CONDITION_MISPLACED.refuseAt(path + ".request.ifNoneExist", "ifNoneExist",
                        "a create, POST Type");
            }
            identifier = ConditionalQuery.identifier(path + ".request.ifNoneExist",
                    ConditionalQuery.parse(entry.getRequest().getIfNoneExist()));
        }
        Interaction interaction;
        String id;
        if (method == HTTPVerb.POST) {
            if (parts.length != 1 || question >= 0) {
                throw IngestError.POST_URL_NOT_A_TYPE.refuseAt(path + ".request.url");
            }
            interaction = Interaction.CREATE;
            id = newId();
        } else if (conditionalUpdate) {
            if (parts.length != 1) {
                throw IngestError.CONDITION_INVALID.refuseAt(path + ".request.url", path + ".request.url");
            }
            identifier = ConditionalQuery.identifier(path + ".request.url",
                    ConditionalQuery.parse(url.substring(question + 1)));
            interaction = Interaction.UPDATE;
            JsonNode bodyId = rawEntry.path("resource").path("id");
            id = bodyId.isTextual() ? bodyId.asText() : null;
        } else {
            if (parts.length != 2) {
                throw IngestError.PUT_URL_NOT_TYPE_AND_ID.refuseAt(path + ".request.url");
            }
            interaction = Interaction.UPDATE;
            id = checkedUpdateId(resource, parts[1]);
        }
        String fullUrl = entry.hasFullUrl() ? entry.getFullUrl() : null;
        return new Resolved(index, type, id, interaction, resource, rawEntry.path("resource").toString(), fullUrl,
                ifMatch, identifier, conditionalUpdate, List.of(), null);
    }

    /** Parses, refusing elements R4 does not define when the sender asked for strict handling. */
    private FhirJson.Parsed parsed(String body, boolean strict) {
        FhirJson.Parsed parsed = json.parseNoting(body);
        if (strict && !parsed.unknownElements().isEmpty()) {
            throw IngestError.UNKNOWN_ELEMENTS_REFUSED.refuseAt(parsed.unknownElements().get(0),
                    String.join(", ", parsed.unknownElements()));
        }
        return parsed;
    }

    private PreparedWrite prepare(IngestibleType type, String id, Interaction interaction, String source,
            Resource resource, String rawJson, Map<String, String> fullUrlToReference, List<String> unknownElements) {
        String sourceVersion = resource.hasMeta() && resource.getMeta().hasVersionId()
                ? FhirIds.require(resource.getMeta().getVersionId(), type.fhirName() + ".meta.versionId")
                : null;
        Instant sourceLastUpdated = resource.hasMeta() && resource.getMeta().hasLastUpdated()
                ? resource.getMeta().getLastUpdated().toInstant()
                : null;
        resource.setId(type.fhirName() + "/" + id);
        TransactionReferences.resolve(json.context().newTerser(), resource, fullUrlToReference);
        ContentHash.Encoded encoded = ContentHash.encode(json, resource);
        FactExtraction extraction;
        try {
            extraction = facts.map(resource);
        } catch (FactMappingException e) {
            // A known code with an impossible value, a missing unit, subject or time: the sender must
            // correct the record; storing it half-understood would grade on a guess.
            throw e.refusal(e.fhirPath());
        }
        return new PreparedWrite(type, id, interaction, source, sourceVersion, sourceLastUpdated, rawJson,
                encoded.json(), encoded.sha256(), resource, extraction, Precondition.NONE, unknownElements);
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
            throw IngestError.EMPTY_BODY.refuse();
        }
        JsonNode tree = bodies.read(body);
        if (tree == null || !tree.isObject()) {
            throw IngestError.BODY_NOT_AN_OBJECT.refuse();
        }
        if (!tree.path("resourceType").isTextual()) {
            throw IngestError.NO_RESOURCE_TYPE.refuseAt("resourceType");
        }
        return tree;
    }

    private static IngestibleType acceptedType(String fhirType, IngestError refusal) {
        return IngestibleType.of(fhirType)
                .orElseThrow(() -> refusal.refuseAt("resourceType", fhirType, IngestibleType.names()));
    }

    private static String checkedUpdateId(IBaseResource resource, String urlId) {
        FhirIds.require(urlId, "id");
        String bodyId = resource.getIdElement().getIdPart();
        if (bodyId == null) {
            throw IngestError.UPDATE_WITHOUT_ID.refuseAt("id");
        }
        if (!bodyId.equals(urlId)) {
            throw IngestError.ID_MISMATCH.refuseAt("id");
        }
        return urlId;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
