package org.toxgrade.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;
import org.toxgrade.grading.fact.Fact;

/** Collects what one resource yields while a mapper walks it. Not thread-safe; one per call. */
final class ExtractionBuilder {

    private final String resourceType;
    private final String resourceId;
    private final String versionId;
    private final String patient;
    private final List<Fact> facts = new ArrayList<>();
    private final List<ContextFact> contextFacts = new ArrayList<>();
    private final List<UnknownCode> unknownCodes = new ArrayList<>();
    private CarTInfusion infusion;
    private LocalDate birthDate;
    private boolean retracts;

    private ExtractionBuilder(String resourceType, String resourceId, String versionId, String patient) {
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.versionId = versionId;
        this.patient = patient;
    }

    /** Reads the source identity; a resource without an id cannot key its facts (TG-FACT-006). */
    static String idOf(Resource resource) {
        if (!resource.getIdElement().hasIdPart()) {
            throw new FactMappingException(FactError.MISSING_ID, resource.fhirType() + ".id");
        }
        return resource.getIdElement().getIdPart();
    }

    static ExtractionBuilder forResource(Resource resource, String patient) {
        String version = resource.getMeta().hasVersionId()
                ? resource.getMeta().getVersionId()
                : resource.getIdElement().getVersionIdPart();
        return new ExtractionBuilder(resource.fhirType(), idOf(resource), version, patient);
    }

    /** The id every fact of this resource takes (see {@link FactIds}). */
    String source() {
        return FactIds.of(resourceType, resourceId);
    }

    ExtractionBuilder fact(Fact fact) {
        facts.add(fact);
        return this;
    }

    ExtractionBuilder context(ContextFact fact) {
        contextFacts.add(fact);
        return this;
    }

    ExtractionBuilder unknown(List<UnknownCode> codes) {
        unknownCodes.addAll(codes);
        return this;
    }

    ExtractionBuilder infusion(CarTInfusion value) {
        this.infusion = value;
        return this;
    }

    ExtractionBuilder birthDate(LocalDate value) {
        this.birthDate = value;
        return this;
    }

    ExtractionBuilder retracts() {
        this.retracts = true;
        return this;
    }

    FactExtraction build() {
        return new FactExtraction(source(), resourceType, resourceId, versionId, patient, facts, contextFacts,
                Optional.ofNullable(infusion), Optional.ofNullable(birthDate), retracts, unknownCodes);
    }
}
