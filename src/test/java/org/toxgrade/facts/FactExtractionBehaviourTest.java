package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.grading.fact.Temperature;

/** What an extraction says besides its facts: source, patient, version, retraction, unknown codes. */
class FactExtractionBehaviourTest {

    @Test
    void sourceIsTypeAndIdWithVersionKeptApart() {
        FactExtraction v2 = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-temperature-amended-v2"));
        assertEquals("Observation/t1", v2.source());
        assertEquals("Observation", v2.resourceType());
        assertEquals("t1", v2.resourceId());
        assertEquals("2", v2.versionId());
        assertEquals("Patient/p1", v2.patient());
    }

    @Test
    void aNewVersionYieldsTheSameFactIdsSoItReplacesTheOldFacts() {
        FactExtraction v1 = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-temperature-celsius"));
        FactExtraction v2 = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-temperature-amended-v2"));
        assertEquals(v1.source(), v2.source());
        assertEquals(v1.facts().get(0).id(), v2.facts().get(0).id());
        assertEquals(39.1, ((Temperature) v2.facts().get(0)).celsius());
    }

    @ParameterizedTest(name = "{0} retracts={1}")
    @CsvSource({
            "obs-temperature-entered-in-error, true",
            "obs-temperature-cancelled, true",
            "ma-not-done, true",
            "ma-entered-in-error, true",
            "proc-entered-in-error, true",
            "obs-temperature-registered, false",
            "obs-temperature-unknown-status, false",
            "obs-temperature-preliminary, false",
            "obs-temperature-celsius, false"})
    void retractionFollowsTheStatus(String fixture, boolean retracts) {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid(fixture));
        assertEquals(retracts, extraction.retracts());
        if (retracts) {
            assertTrue(extraction.isEmpty());
        }
    }

    @Test
    void enteredInErrorRetractsTheSourceOfTheEarlierFacts() {
        FactExtraction retraction = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-temperature-entered-in-error"));
        assertEquals("Observation/t1", retraction.source());
        assertEquals("3", retraction.versionId());
    }

    @Test
    void preliminaryCountsOnlyWhenConfigured() {
        FactMapper counting = new FactMapper(FactsFixtures.TERMINOLOGY,
                FactMappingConfig.defaults().withCountPreliminary(true));
        FactExtraction extraction = counting.map(FactsFixtures.valid("obs-temperature-preliminary"));
        assertEquals(List.of(new Temperature("Observation/t5", Instant.parse("2026-03-07T10:00:00Z"), 38.4)),
                extraction.facts());
        assertTrue(FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-temperature-preliminary")).isEmpty());
    }

    @Test
    void unknownCodesAreReportedPerSystemNotFailed() {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-unknown-code"));
        assertTrue(extraction.isEmpty());
        assertEquals(Map.of("http://loinc.org", 1L, "http://hospital.example.org/flowsheet", 1L),
                extraction.unknownCodeCountsBySystem());
        assertEquals(new UnknownCode("http://loinc.org", "2339-0", "Observation.code"),
                extraction.unknownCodes().get(0));
    }

    @Test
    void anUnknownCodedValueIsReportedWithTheValuePath() {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-oxygen-device-unknown-value"));
        assertTrue(extraction.facts().isEmpty());
        assertEquals(List.of(new UnknownCode("http://toxgrade.org/fhir/CodeSystem/oxygen-device", "helmet",
                "Observation.valueCodeableConcept")), extraction.unknownCodes());
    }

    @Test
    void anUnknownDrugAndAnUnknownProcedureAreReported() {
        assertEquals(Map.of("http://www.nlm.nih.gov/research/umls/rxnorm", 1L),
                FactsFixtures.MAPPER.map(FactsFixtures.valid("ma-unknown-drug")).unknownCodeCountsBySystem());
        assertEquals(Map.of("http://snomed.info/sct", 1L),
                FactsFixtures.MAPPER.map(FactsFixtures.valid("proc-other")).unknownCodeCountsBySystem());
    }

    @Test
    void absoluteAndVersionedSubjectReferencesAreNormalised() {
        assertEquals("Patient/p1", FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-subject-absolute-url")).patient());
    }

    @Test
    void aPatientIsItsOwnSubject() {
        FactExtraction patient = FactsFixtures.MAPPER.map(FactsFixtures.valid("patient"));
        assertEquals("Patient/p1", patient.patient());
        assertEquals("Patient/p1", patient.source());
    }

    @Test
    void localCodesMapOnlyWithTheSiteConceptMap() {
        Terminology packageOnly = Terminology.load(FactsFixtures.PACKAGE, Optional.empty(), FactsFixtures.CONTEXT);
        FactExtraction extraction = new FactMapper(packageOnly, FactMappingConfig.defaults())
                .map(FactsFixtures.valid("obs-site-local-temperature"));
        assertTrue(extraction.facts().isEmpty());
        assertEquals(Map.of("http://hospital.example.org/flowsheet", 1L), extraction.unknownCodeCountsBySystem());
    }

    @Test
    void aResourceTypeWithoutFactsIsRejected() {
        FactMappingException e = assertThrows(FactMappingException.class,
                () -> FactsFixtures.MAPPER.map(new Condition()));
        assertEquals("TG-FACT-050", e.code());
    }

    @Test
    void unknownCodesNeverFailTheMapping() {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-spo2-only"));
        assertFalse(extraction.retracts());
        assertTrue(extraction.unknownCodes().isEmpty(), "SpO2 is a known contract code that does not grade");
    }
}
