package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The terminology: package ValueSets, the site ConceptMap, and start-up errors for a bad site file. */
class TerminologyLoadTest {

    @ParameterizedTest(name = "{0}#{1} is {2}")
    @CsvSource({
            "http://loinc.org, 8310-5, TEMPERATURE",
            "http://loinc.org, 85354-9, BP_PANEL",
            "http://loinc.org, 8480-6, SYSTOLIC",
            "http://loinc.org, 8462-4, DIASTOLIC",
            "http://loinc.org, 8478-0, MAP",
            "http://loinc.org, 3151-8, O2_FLOW",
            "http://loinc.org, 2524-7, LAB",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, oxygen-device, OXYGEN_DEVICE",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, ice-score, ICE",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, capd-score, CAPD",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, level-of-consciousness, LOC",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, seizure, SEIZURE",
            "http://snomed.info/sct, 91175000, SEIZURE",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, motor-weakness, MOTOR",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, neuroimaging, NEUROIMAGING",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, icp-sign, ICP_SIGN",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, neuro-finding, NEURO_FINDING",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-observation, death-attributed-to, DEATH_ATTRIBUTION",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-medication, car-t-product, CAR_T_PRODUCT",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 7512, VASOPRESSOR",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 6902, CORTICOSTEROID",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 612865, ANTI_CYTOKINE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 161, ANTIPYRETIC",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 114477, ANTISEIZURE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 6960, SEDATIVE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 4337, SEDATIVE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 5093, SEDATIVE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 3498, SEDATIVE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 6130, SEDATIVE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 5640, ANTIPYRETIC",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 8638, CORTICOSTEROID",
            "http://toxgrade.org/fhir/CodeSystem/toxgrade-medication, siltuximab, ANTI_CYTOKINE",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 42386, OTHER_TREATMENT",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 68442, G_CSF",
            "http://www.nlm.nih.gov/research/umls/rxnorm, 338036, G_CSF",
            "http://loinc.org, 751-8, LAB",
            "http://loinc.org, 26499-4, LAB",
            "http://hospital.example.org/flowsheet, BP-SYS, SYSTOLIC",
            "http://hospital.example.org/flowsheet, CART-INFUSION, CAR_T_PRODUCT"})
    void placesEveryContractCodeInItsConcept(String system, String code, Concept concept) {
        Terminology.Resolution resolution = FactsFixtures.TERMINOLOGY.resolve(
                new CodeableConcept(new Coding(system, code, null)), List.of(Concept.values()), "x");
        assertEquals(concept, resolution.concept());
    }

    @Test
    void theFirstCodingThatLandsWins() {
        CodeableConcept both = new CodeableConcept();
        both.addCoding(new Coding("http://example.org/local", "T", null));
        both.addCoding(new Coding("http://loinc.org", "8310-5", null));
        Terminology.Resolution resolution = FactsFixtures.TERMINOLOGY.resolve(both, List.of(Concept.values()), "x");
        assertEquals(Concept.TEMPERATURE, resolution.concept());
        assertTrue(resolution.unknown().isEmpty());
    }

    @Test
    void aMissingSiteFileIsAStartUpError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Terminology.load(FactsFixtures.PACKAGE,
                        Optional.of(Path.of("does-not-exist.json")), FactsFixtures.CONTEXT));
        assertTrue(e.getMessage().startsWith("TG-FACT-090"), e.getMessage());
    }

    @Test
    void aSiteFileThatIsNotAConceptMapIsAStartUpError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Terminology.load(FactsFixtures.PACKAGE,
                        Optional.of(FactsFixtures.path("facts/site-conceptmap-not-a-conceptmap.json")),
                        FactsFixtures.CONTEXT));
        assertTrue(e.getMessage().startsWith("TG-FACT-091"), e.getMessage());
    }

    @Test
    void aSiteMapToACodeOutsideTheContractIsAStartUpError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Terminology.load(FactsFixtures.PACKAGE,
                        Optional.of(FactsFixtures.path("facts/site-conceptmap-unknown-target.json")),
                        FactsFixtures.CONTEXT));
        assertTrue(e.getMessage().startsWith("TG-FACT-092"), e.getMessage());
    }

    @Test
    void theTwoArgumentLoadReadsTheSameSiteMap() {
        Terminology terminology = Terminology.load(FactsFixtures.PACKAGE,
                Optional.of(FactsFixtures.path("facts/site-conceptmap.json")));
        assertEquals(Concept.ICE,
                terminology.resolve(new CodeableConcept(new Coding("http://hospital.example.org/flowsheet",
                        "NEURO-ICE-TOTAL", null)), List.of(Concept.ICE), "x").concept());
    }
}
