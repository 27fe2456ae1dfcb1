package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxgrade.fhir.validation.ProfilePackage;
import org.toxgrade.grading.fact.DrugDose;

/**
 * What the drug ValueSets of the package mean to the grading (docs/clinical-rules.md sections 2, 3 and 7): which
 * agents mask fever, the prednisolone equivalence, IVIG as a treatment that changes nothing, and the
 * sedating classes that confound the level of consciousness.
 */
class DrugValueSetsTest {

    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    private static final List<Concept> DRUGS = List.of(Concept.VASOPRESSOR, Concept.CORTICOSTEROID,
            Concept.ANTI_CYTOKINE, Concept.ANTIPYRETIC, Concept.ANTISEIZURE, Concept.SEDATIVE,
            Concept.OTHER_TREATMENT, Concept.G_CSF);

    private static DrugDose dose(String fixture) {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid(fixture));
        assertEquals(List.of(), extraction.unknownCodes(), fixture);
        assertEquals(1, extraction.facts().size(), fixture);
        return (DrugDose) extraction.facts().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ma-ibuprofen", "ma-acetaminophen", "ma-siltuximab", "ma-tocilizumab", "ma-anakinra",
            "ma-prednisolone", "ma-dexamethasone"})
    void antipyreticsAntiCytokineAgentsAndCorticosteroidsMaskFever(String fixture) {
        assertTrue(dose(fixture).category().masksFever(), fixture);
    }

    /** Prednisolone 5 mg = prednisone 5 mg = dexamethasone 0.75 mg (standard glucocorticoid equivalence). */
    @Test
    void prednisoloneFiveMilligramsIsDexamethasoneZeroPointSevenFiveLikePrednisone() {
        for (String fixture : List.of("ma-prednisolone", "ma-prednisone")) {
            MedicationAdministration administration = (MedicationAdministration) FactsFixtures.valid(fixture);
            administration.getDosage().setDose(new Quantity().setValue(5).setUnit("mg")
                    .setSystem("http://unitsofmeasure.org").setCode("mg"));
            DrugDose dose = (DrugDose) FactsFixtures.MAPPER.map(administration).facts().get(0);
            assertEquals(DrugDose.Category.CORTICOSTEROID, dose.category(), fixture);
            assertEquals(5.0, dose.doseMg(), fixture);
            assertEquals(0.75, dose.dexamethasoneEquivalentMg(), 1e-12, fixture);
        }
    }

    @Test
    void ivigIsRecognisedAndChangesNoGrade() {
        DrugDose ivig = dose("ma-ivig");
        assertEquals(DrugDose.Category.OTHER, ivig.category());
        assertEquals("intravenous immunoglobulin", ivig.agent());
        assertFalse(ivig.category().masksFever(), "IVIG does not mask fever");
        assertNull(ivig.dexamethasoneEquivalentMg(), "IVIG carries no steroid dose");
    }

    /** One code of each sedating class of section 3 becomes a sedative with its ingredient's name. */
    @ParameterizedTest(name = "{2}: {1}")
    @CsvSource({
            "6960, midazolam, benzodiazepines",
            "6470, lorazepam, benzodiazepines",
            "3322, diazepam, benzodiazepines",
            "8782, propofol, propofol",
            "48937, dexmedetomidine, dexmedetomidine",
            "7052, morphine, opioids",
            "4337, fentanyl, opioids",
            "3423, hydromorphone, opioids",
            "7804, oxycodone, opioids",
            "73032, remifentanil, opioids",
            "56795, sufentanil, opioids",
            "5093, haloperidol, antipsychotics",
            "51272, quetiapine, antipsychotics",
            "61381, olanzapine, antipsychotics",
            "35636, risperidone, antipsychotics",
            "3498, diphenhydramine, sedating antihistamines",
            "5553, hydroxyzine, sedating antihistamines",
            "8745, promethazine, sedating antihistamines",
            "6130, ketamine, ketamine"})
    void everySedatingClassOfSectionThreeIsASedative(String code, String agent, String sedatingClass) {
        MedicationAdministration administration = new MedicationAdministration();
        administration.setId("sed-" + code);
        administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        administration.setMedication(new CodeableConcept(new Coding(RXNORM, code, null)));
        administration.setSubject(new Reference("Patient/p1"));
        administration.setEffective(new DateTimeType("2026-03-07T10:00:00Z"));
        FactExtraction extraction = FactsFixtures.MAPPER.map(administration);
        assertEquals(List.of(), extraction.unknownCodes());
        DrugDose dose = (DrugDose) extraction.facts().get(0);
        assertEquals(DrugDose.Category.SEDATIVE, dose.category(), sedatingClass);
        assertEquals(agent, dose.agent());
    }

    @Test
    void theSedativesValueSetHasOneIncludePerClassEachConceptWithItsDisplay() {
        ValueSet sedatives = FactsFixtures.PACKAGE
                .valueSet(ProfilePackage.CANONICAL_BASE + "/ValueSet/sedatives").orElseThrow();
        assertEquals(7, sedatives.getCompose().getInclude().size(), "one include per class of section 3");
        for (ValueSet.ConceptSetComponent include : sedatives.getCompose().getInclude()) {
            assertEquals(RXNORM, include.getSystem());
            include.getConcept().forEach(c -> assertTrue(c.hasDisplay(), c.getCode()));
        }
    }

    /** A drug code the package lists but the service cannot name would reach the clinician as a bare number. */
    @Test
    void everyDrugCodeOfThePackageHasAnAgentName() {
        List<String> unnamed = new ArrayList<>();
        for (Concept concept : DRUGS) {
            ValueSet valueSet = FactsFixtures.PACKAGE
                    .valueSet(ProfilePackage.CANONICAL_BASE + "/ValueSet/" + concept.valueSetId()).orElseThrow();
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                include.getConcept().stream().map(ValueSet.ConceptReferenceComponent::getCode)
                        .filter(code -> DrugAgents.name(code).isEmpty())
                        .forEach(code -> unnamed.add(concept + " " + include.getSystem() + "|" + code));
            }
        }
        assertEquals(List.of(), unnamed);
    }
}
