package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.icaht.AncValue;

/**
 * Neutrophil counts and G-CSF as the ICAHT grading reads them (CLINICAL-SPEC section 9): counts normalised to
 * 10*9/L ("10*3/uL is the same number; /uL divide by 1000"), a count in a unit that is not a count per volume
 * refused, G-CSF kept as a drug fact that changes no CRS grade.
 */
class NeutrophilCountMappingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "obs-anc-giga-per-litre, Observation/anc-1",
            "obs-anc-per-microlitre, Observation/anc-2",
            "obs-anc-thousands-per-microlitre, Observation/anc-3"})
    void everyCountUnitBecomesTheSameGigaPerLitre(String fixture, String id) {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid(fixture));
        List<AncValue> counts = NeutrophilCounts.of(extraction.contextFacts());
        assertEquals(1, counts.size(), fixture);
        assertEquals(id, counts.get(0).id());
        assertEquals(0.42, counts.get(0).gigaPerLitre(), 1e-12, fixture);
    }

    @Test
    void aCountInPercentIsRefusedAsAnUnknownUnit() {
        FactMappingException refused = assertThrows(FactMappingException.class,
                () -> FactsFixtures.MAPPER.map(FactsFixtures.invalid("obs-anc-percent")));
        assertEquals(FactError.UNKNOWN_UNIT, refused.error());
        assertEquals("Observation.valueQuantity.code", refused.fhirPath());
    }

    @Test
    void otherLaboratoryResultsAreNoNeutrophilCounts() {
        FactExtraction lactate = FactsFixtures.MAPPER.map(FactsFixtures.valid("obs-lab-lactate"));
        assertEquals(List.of(), NeutrophilCounts.of(lactate.contextFacts()));
    }

    @Test
    void filgrastimIsAGcsfDoseThatMasksNoFever() {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid("ma-filgrastim"));
        assertEquals(List.of(), extraction.unknownCodes());
        DrugDose dose = (DrugDose) extraction.facts().get(0);
        assertEquals(DrugDose.Category.G_CSF, dose.category());
        assertEquals("filgrastim", dose.agent());
        assertEquals(0.48, dose.doseMg(), 1e-12);
        assertFalse(dose.category().masksFever());
    }
}
