package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxgrade.grading.fact.DrugDose;

/**
 * What the drug ValueSets of the package mean to the grading (CLINICAL-SPEC sections 2 and 7): which
 * agents mask fever, the prednisolone equivalence, and IVIG as a treatment that changes nothing.
 */
class DrugValueSetsTest {

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
}
