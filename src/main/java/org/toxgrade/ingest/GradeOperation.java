package org.toxgrade.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.episode.PatientDerivation;
import org.toxgrade.episode.PatientDeriver;
import org.toxgrade.facts.ContextFact;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.facts.FactMapper;
import org.toxgrade.facts.FactMappingException;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.publish.build.DerivedResource;
import org.toxgrade.publish.build.DerivedResourcesBuilder;
import org.toxgrade.publish.build.ProvenanceBuilder;

/**
 * {@code $grade}: the Conditions, Flags and Provenance the service would write for the data in a
 * Bundle, computed with the same mapping, grading, flags and builders as the stored path and
 * nothing persisted. For clinical decision support and for checking the service against a case.
 * The body is held to the same JSON limits, Bundle shape and id rule as a write.
 * Warnings go in one OperationOutcome entry of the answer ({@link GradeWarnings}): codes the
 * service does not know (TG-INGEST-101), each element named inside its request entry, and ICE scores
 * of a child below the CAPD age cut-off, which the grading does not use (TG-GRADE-101). Runs on a
 * worker thread (all CPU).
 */
@Singleton
public class GradeOperation {

    private final FhirJson json;
    private final JsonBodyReader bodies;
    private final FactMapper facts;
    private final PatientDeriver deriver;
    private final DerivedResourcesBuilder builder;
    private final ProvenanceBuilder provenance = new ProvenanceBuilder();
    private final String capdAges;

    public GradeOperation(FhirJson json, JsonBodyReader bodies, FactMapper facts, PatientDeriver deriver,
            DerivedResourcesBuilder builder, GradingConfig grading) {
        this.json = json;
        this.bodies = bodies;
        this.facts = facts;
        this.deriver = deriver;
        this.builder = builder;
        this.capdAges = grading.capdAges();
    }

    /** @param fhirBase absolute base of this server's FHIR API, for the entries' fullUrls */
    public Bundle grade(String body, Instant asOf, String fhirBase) {
        JsonNode tree = bodies.read(body);
        if (tree != null && "Bundle".equals(tree.path("resourceType").asText())) {
            BundleShape.check(tree);
        }
        if (!(json.parse(body) instanceof Bundle bundle)) {
            throw IngestError.GRADE_NOT_A_BUNDLE.refuseAt("resourceType");
        }
        checkIds(bundle.getEntry());
        Map<String, String> fullUrls = assignIds(bundle);
        List<BundleEntryComponent> entries = newestVersions(bundle.getEntry());
        Map<String, PatientBuilder> patients = new TreeMap<>();
        GradeWarnings warnings = new GradeWarnings(capdAges);
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource == null) {
                continue;
            }
            if (IngestibleType.of(resource.fhirType()).isEmpty()) {
                throw IngestError.GRADE_TYPE_WITHOUT_FACTS.refuseAt("Bundle.entry[" + i + "].resource",
                        resource.fhirType(), IngestibleType.names());
            }
            TransactionReferences.resolve(json.context().newTerser(), resource, fullUrls);
            FactExtraction extraction;
            try {
                extraction = facts.map(resource);
            } catch (FactMappingException e) {
                throw e.refusal(RequestPreparer.inEntry(i, e.fhirPath()));
            }
            patients.computeIfAbsent(extraction.patient(), p -> new PatientBuilder()).add(extraction);
            warnings.entry(i, extraction);
        }
        Bundle result = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (Map.Entry<String, PatientBuilder> patient : patients.entrySet()) {
            PatientDerivation derivation = deriver.derive(patient.getKey(), patient.getValue().build(), asOf);
            warnings.derived(derivation);
            for (DerivedResource derived : builder.build(derivation, id -> asOf)) {
                String reference = derived.resourceType() + "/" + derived.id();
                result.addEntry().setFullUrl(fhirBase + reference).setResource(derived.resource());
                Provenance derivedFrom = provenance.build(reference, true, derived.sources(),
                        asOf);
                derivedFrom.setId(derived.id() + "-provenance");
                result.addEntry().setFullUrl(fhirBase + "Provenance/" + derivedFrom.getIdElement().getIdPart())
                        .setResource(derivedFrom);
            }
        }
        // One OperationOutcome entry for the whole answer, with every warning; it is no stored resource,
        // so its fullUrl is a urn:uuid.
        warnings.outcome().ifPresent(outcome -> result.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(outcome));
        return result;
    }

    /**
     * A Bundle may hold several versions of one resource (a running infusion and its closing
     * version): like the stored path, only the newest counts, by numeric {@code meta.versionId},
     * else {@code meta.lastUpdated}, else the later entry. Older versions become empty entries so
     * that entry indexes in error messages stay those of the request.
     */
    private static List<BundleEntryComponent> newestVersions(List<BundleEntryComponent> entries) {
        Map<String, Integer> newest = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            if (resource == null) {
                continue;
            }
            String key = resource.getIdElement().getValue();
            Integer previous = newest.get(key);
            if (previous == null || !isOlder(resource, entries.get(previous).getResource())) {
                newest.put(key, i);
            }
        }
        List<BundleEntryComponent> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            boolean current = resource != null && newest.get(resource.getIdElement().getValue()) == i;
            kept.add(current ? entries.get(i) : new BundleEntryComponent());
        }
        return kept;
    }

    /** The stored path's rule ({@link SenderOrder}), applied to two entries of one Bundle. */
    private static boolean isOlder(Resource candidate, Resource current) {
        return SenderOrder.isOlder(candidate.getMeta().getVersionId(), instant(candidate),
                current.getMeta().getVersionId(), instant(current));
    }

    private static Instant instant(Resource resource) {
        return resource.getMeta().getLastUpdated() == null ? null : resource.getMeta().getLastUpdated().toInstant();
    }

    /** Ids the entries carry are held to the id rule of a write, so that $grade answers what a write would. */
    private static void checkIds(List<BundleEntryComponent> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            String id = resource == null ? null : resource.getIdElement().getIdPart();
            if (id != null && !FhirIds.isValid(id)) {
                throw FhirError.INVALID_ID.refuseAt("Bundle.entry[" + i + "].resource.id");
            }
        }
    }

    /** Entries without an id get one (from a urn:uuid fullUrl, else a new one) so references resolve. */
    private static Map<String, String> assignIds(Bundle bundle) {
        Map<String, String> fullUrls = new HashMap<>();
        for (BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (!resource.hasIdElement() || resource.getIdElement().getIdPart() == null) {
                String fromUrl = entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:uuid:")
                        ? entry.getFullUrl().substring("urn:uuid:".length())
                        : UUID.randomUUID().toString();
                resource.setId(fromUrl);
            }
            String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            resource.setId(reference);
            if (entry.hasFullUrl()) {
                fullUrls.put(entry.getFullUrl(), reference);
            }
        }
        return fullUrls;
    }

    /** Collects one patient's extractions into what the store would hold. */
    private static final class PatientBuilder {

        private LocalDate birthDate;
        private final List<Fact> facts = new ArrayList<>();
        private final List<ContextFact> context = new ArrayList<>();

        void add(FactExtraction extraction) {
            extraction.birthDate().ifPresent(d -> birthDate = d);
            facts.addAll(extraction.facts());
            context.addAll(extraction.contextFacts());
            extraction.infusion().ifPresent(context::add);
        }

        PatientFacts build() {
            return PatientFacts.of(birthDate, facts, context);
        }
    }
}
