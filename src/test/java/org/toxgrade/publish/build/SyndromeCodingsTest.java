package org.toxgrade.publish.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.toxgrade.fhir.validation.ProfilePackage;
import org.toxgrade.grading.Syndrome;

/**
 * Each syndrome's coding table agrees with fhir-profiles: the profile it claims is in the package, its code and
 * display are the toxgrade-condition concept's, and the ICD-10-CM code it writes for each grade is the one the
 * package's ConceptMap for that syndrome gives.
 */
class SyndromeCodingsTest {

    private static final ProfilePackage PACKAGE = ProfilePackage.load(FhirContext.forR4Cached());

    @ParameterizedTest
    @EnumSource(Syndrome.class)
    void theProfileClaimedIsOneOfThePackage(Syndrome syndrome) {
        String profile = SyndromeCodings.of(syndrome).profile();
        assertTrue(PACKAGE.structureDefinitions().stream().anyMatch(sd -> sd.getUrl().equals(profile)), profile);
    }

    @ParameterizedTest
    @EnumSource(Syndrome.class)
    void theCodeAndDisplayAreTheConditionCodeSystems(Syndrome syndrome) {
        SyndromeCodings.SyndromeCoding coding = SyndromeCodings.of(syndrome);
        CodeSystem conditions = PACKAGE.codeSystem(Codes.TOXGRADE_CONDITION).orElseThrow();
        List<String> displays = conditions.getConcept().stream().filter(c -> c.getCode().equals(coding.code()))
                .map(CodeSystem.ConceptDefinitionComponent::getDisplay).toList();
        assertEquals(List.of(coding.display()), displays);
        assertEquals(syndrome.code(), coding.code(), "the Condition code is the syndrome's code");
    }

    @ParameterizedTest
    @EnumSource(Syndrome.class)
    void eachGradesIcd10CmCodeIsTheConceptMaps(Syndrome syndrome) {
        SyndromeCodings.SyndromeCoding coding = SyndromeCodings.of(syndrome);
        ConceptMap map = PACKAGE.conceptMap(Codes.BASE + "/ConceptMap/astct-grade-to-icd10cm-" + coding.code())
                .orElseThrow();
        List<ConceptMap.SourceElementComponent> elements = map.getGroupFirstRep().getElement();
        assertEquals(5, elements.size(), "grades 1-5");
        for (ConceptMap.SourceElementComponent element : elements) {
            int grade = Integer.parseInt(element.getCode().substring("grade-".length()));
            assertEquals(element.getTargetFirstRep().getCode(), coding.icd10cm(grade), element.getCode());
        }
    }

    @ParameterizedTest
    @EnumSource(Syndrome.class)
    void theConditionIdIsTheEpisodeKeyAndTheSyndromesCode(Syndrome syndrome) {
        assertEquals("ep-1-" + syndrome.code(), SyndromeCodings.conditionId("ep-1", syndrome));
    }
}
