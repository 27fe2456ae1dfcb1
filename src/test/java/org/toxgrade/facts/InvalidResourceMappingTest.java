package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every deliberately bad resource in {@code facts/invalid/}: the error code and the FHIRPath it names. */
class InvalidResourceMappingTest {

    static Stream<Arguments> table() {
        return Stream.of(
                arguments("obs-temperature-90-cel", "TG-FACT-020", "Observation.valueQuantity.value"),
                arguments("obs-body-height-400-cm", "TG-FACT-028", "Observation.valueQuantity.value"),
                arguments("obs-temperature-50-degf", "TG-FACT-020", "Observation.valueQuantity.value"),
                arguments("obs-temperature-missing-unit", "TG-FACT-012", "Observation.valueQuantity.code"),
                arguments("obs-temperature-kelvin", "TG-FACT-013", "Observation.valueQuantity.code"),
                arguments("obs-temperature-no-value", "TG-FACT-010", "Observation.value[x]"),
                arguments("obs-temperature-missing-subject", "TG-FACT-001", "Observation.subject"),
                arguments("obs-temperature-subject-group", "TG-FACT-002", "Observation.subject.reference"),
                arguments("obs-temperature-missing-time", "TG-FACT-003", "Observation.effective[x]"),
                arguments("obs-temperature-date-only", "TG-FACT-004", "Observation.effectiveDateTime"),
                arguments("obs-temperature-missing-id", "TG-FACT-006", "Observation.id"),
                arguments("obs-ice-14", "TG-FACT-023", "Observation.value[x]"),
                arguments("obs-ice-string", "TG-FACT-011", "Observation.value[x]"),
                arguments("obs-ice-items-incomplete", "TG-FACT-031", "Observation.component"),
                arguments("obs-ice-item-out-of-range", "TG-FACT-026", "Observation.component[1].value[x]"),
                arguments("obs-capd-40", "TG-FACT-024", "Observation.value[x]"),
                arguments("obs-ice-developmental-inability-no-value", "TG-FACT-010", "Observation.value[x]"),
                arguments("obs-ice-developmental-inability-coded", "TG-FACT-011", "Observation.value[x]"),
                arguments("obs-flow-negative", "TG-FACT-022", "Observation.valueQuantity.value"),
                arguments("obs-flow-95", "TG-FACT-022", "Observation.valueQuantity.value"),
                arguments("obs-flow-component-ml-per-min", "TG-FACT-013",
                        "Observation.component[0].valueQuantity.code"),
                arguments("obs-bp-panel-systolic-400", "TG-FACT-021", "Observation.component[0].valueQuantity.value"),
                arguments("obs-bp-panel-kpa", "TG-FACT-013", "Observation.component[0].valueQuantity.code"),
                arguments("obs-bp-panel-empty", "TG-FACT-030", "Observation.component"),
                arguments("obs-loc-string", "TG-FACT-011", "Observation.value[x]"),
                arguments("obs-lab-missing-unit", "TG-FACT-012", "Observation.valueQuantity.code"),
                // A neutrophil count grades ICAHT: a unit that is not a count per volume is refused.
                arguments("obs-anc-percent", "TG-FACT-013", "Observation.valueQuantity.code"),
                arguments("ma-steroid-without-dose", "TG-FACT-040", "MedicationAdministration.dosage.dose"),
                arguments("ma-steroid-negative-dose", "TG-FACT-025", "MedicationAdministration.dosage.dose.value"),
                arguments("ma-steroid-dose-in-ml", "TG-FACT-041", "MedicationAdministration.dosage.dose.code"),
                arguments("ma-missing-subject", "TG-FACT-001", "MedicationAdministration.subject"),
                arguments("ma-missing-time", "TG-FACT-003", "MedicationAdministration.effective[x]"),
                arguments("ma-period-ends-before-start", "TG-FACT-005", "MedicationAdministration.effectivePeriod.end"),
                arguments("proc-missing-subject", "TG-FACT-001", "Procedure.subject"),
                arguments("proc-missing-time", "TG-FACT-003", "Procedure.performed[x]"));
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @MethodSource("table")
    void isRejectedWithCodeAndPath(String fixture, String code, String fhirPath) {
        Resource resource = FactsFixtures.invalid(fixture);
        FactMappingException e = assertThrows(FactMappingException.class, () -> FactsFixtures.MAPPER.map(resource));
        assertEquals(code, e.code());
        assertEquals(fhirPath, e.fhirPath());
        assertTrue(e.getMessage().startsWith(code + ": "), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void messageCarriesNoIdOrValueOfTheResource(String fixture, String code, String fhirPath) {
        Resource resource = FactsFixtures.invalid(fixture);
        FactMappingException e = assertThrows(FactMappingException.class, () -> FactsFixtures.MAPPER.map(resource));
        if (resource.getIdElement().hasIdPart()) {
            assertFalse(e.getMessage().contains(resource.getIdElement().getIdPart()), e.getMessage());
        }
        assertFalse(e.getMessage().contains("p1"), e.getMessage());
        assertFalse(e.getMessage().matches(".*\\d+\\.\\d+.*"), "no measured values: " + e.getMessage());
    }

    @Test
    void everyInvalidFixtureIsInTheTable() throws Exception {
        List<String> names = table().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(FactsFixtures.path("facts/invalid"))) {
            List<String> missing = files.map(p -> p.getFileName().toString().replace(".json", ""))
                    .filter(n -> !names.contains(n)).sorted().toList();
            assertTrue(missing.isEmpty(), "fixtures without an expectation: " + missing);
        }
    }

    @Test
    void everyErrorCodeIsUnique() {
        List<String> codes = Stream.of(FactError.values()).map(FactError::code).toList();
        assertEquals(codes.size(), codes.stream().distinct().count());
    }
}
