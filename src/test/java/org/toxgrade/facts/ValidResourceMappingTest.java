package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxgrade.grading.fact.AdministrationStatus;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.CapdScore;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DeathAttribution;
import org.toxgrade.grading.fact.DevelopmentalInability;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.DrugDose.Category;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.OxygenSupport.Device;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * Every contract shape in {@code facts/valid/} and the facts it must yield: grading facts, then
 * context facts, then the infusion, then the birth date, in that order. An empty list means the
 * resource counts for nothing (not an error).
 */
class ValidResourceMappingTest {

    private static final Instant T = Instant.parse("2026-03-07T10:00:00Z");

    static Stream<Arguments> table() {
        return Stream.of(
                arguments("obs-temperature-celsius", List.of(new Temperature("Observation/t1", T, 38.6))),
                arguments("obs-temperature-fahrenheit", List.of(Temperature.fromFahrenheit("Observation/t2", T, 102))),
                arguments("obs-temperature-period", List.of(new Temperature("Observation/t3", T, 37.0))),
                arguments("obs-temperature-amended-v2", List.of(new Temperature("Observation/t1", T, 39.1))),
                arguments("obs-temperature-corrected", List.of(new Temperature("Observation/t4", T, 38.2))),
                arguments("obs-temperature-preliminary", List.of()),
                arguments("obs-temperature-registered", List.of()),
                arguments("obs-temperature-unknown-status", List.of()),
                arguments("obs-temperature-entered-in-error", List.of()),
                arguments("obs-temperature-cancelled", List.of()),
                arguments("obs-subject-absolute-url", List.of(new Temperature("Observation/t9", T, 37.5))),
                arguments("obs-bp-panel", List.of(new BloodPressure("Observation/bp1", T, 82.0, 45.0, 57.0))),
                arguments("obs-bp-systolic", List.of(new BloodPressure("Observation/bp-sys", T, 84.0, null, null))),
                arguments("obs-bp-diastolic", List.of(new BloodPressure("Observation/bp-dia", T, null, 48.0, null))),
                arguments("obs-bp-mean", List.of(new BloodPressure("Observation/bp-map", T, null, null, 60.0))),
                arguments("obs-oxygen-device-flow-component",
                        List.of(new OxygenSupport("Observation/o2-1", T, Device.HIGH_FLOW_NASAL_CANNULA, 30.0, false))),
                arguments("obs-oxygen-device-no-flow",
                        List.of(new OxygenSupport("Observation/o2-2", T, Device.LOW_FLOW_NASAL_CANNULA, null, false))),
                arguments("obs-oxygen-flow", List.of(new OxygenFlow("Observation/flow-1", T, 4.0))),
                arguments("obs-oxygen-flow-later",
                        List.of(new OxygenFlow("Observation/flow-2", Instant.parse("2026-03-07T14:00:00Z"), 8.0))),
                arguments("obs-spo2-flow-component",
                        List.of(new OxygenFlow("Observation/spo2-1", Instant.parse("2026-03-07T12:00:00Z"), 5.0))),
                arguments("obs-spo2-only", List.of()),
                arguments("obs-oxygen-device-comfort-component",
                        List.of(new OxygenSupport("Observation/o2-3", T, Device.LOW_FLOW_NASAL_CANNULA, 2.0, true))),
                arguments("obs-oxygen-indication-comfort",
                        List.of(new OxygenIndication("Observation/o2-ind-1", T, true))),
                arguments("obs-oxygen-device-unknown-value", List.of()),
                arguments("obs-ice-total", List.of(new IceScore("Observation/ice-1", T, 7, false))),
                arguments("obs-ice-items", List.of(new IceScore("Observation/ice-2", T, 8, false))),
                arguments("obs-ice-unable", List.of(new IceScore("Observation/ice-3", T, null, true))),
                arguments("obs-ice-declined", List.of()),
                arguments("obs-capd", List.of(new CapdScore("Observation/capd-1", T, 12, false))),
                arguments("obs-capd-unable", List.of(new CapdScore("Observation/capd-2", T, null, true))),
                arguments("obs-ice-developmental-inability",
                        List.of(new DevelopmentalInability("Observation/dev-1", T, true))),
                // False is kept: from then on the age decides again.
                arguments("obs-ice-developmental-inability-false",
                        List.of(new DevelopmentalInability("Observation/dev-2", T, false))),
                arguments("obs-ice-developmental-inability-absent", List.of()),
                arguments("obs-loc",
                        List.of(new ConsciousnessLevel("Observation/loc-1", T,
                                ConsciousnessLevel.Level.AWAKENS_TO_TOUCH))),
                arguments("obs-seizure-eeg",
                        List.of(new Seizure("Observation/sz-1", T, Seizure.Kind.EEG_NONCONVULSIVE_RESOLVING))),
                arguments("obs-seizure-snomed",
                        List.of(new Seizure("Observation/sz-2", T, Seizure.Kind.CLINICAL_RAPIDLY_RESOLVING))),
                arguments("obs-motor",
                        List.of(new MotorFinding("Observation/mot-1", T, MotorFinding.Kind.DEEP_FOCAL_WEAKNESS))),
                arguments("obs-neuroimaging",
                        List.of(new NeuroImaging("Observation/img-1", T,
                                NeuroImaging.Finding.VASOGENIC_EDEMA_PRES_PATTERN))),
                arguments("obs-icp-sign", List.of(new IcpSign("Observation/icp-1", T, IcpSign.Sign.PAPILLEDEMA))),
                // An examination that found no sign (a normal fundoscopy): known, and no fact, since
                // ASTCT grades on the signs present (seed PRES case day 8).
                arguments("obs-icp-sign-none", List.of()),
                arguments("obs-neuro-finding-generalized-weakness", List.of(new OtherNeuroFinding(
                        "Observation/nf-weakness", T, OtherNeuroFinding.Kind.GENERALIZED_WEAKNESS))),
                arguments("obs-neuro-finding",
                        List.of(new OtherNeuroFinding("Observation/nf-1", T, OtherNeuroFinding.Kind.NEUROPATHIC_PAIN))),
                arguments("obs-death-attribution",
                        List.of(new DeathAttribution("Observation/death-1", T, DeathAttribution.Cause.ICANS))),
                arguments("obs-lab-lactate", List.of(new LabResult("Observation/lab-1", T, "2524-7", 7.4, "mmol/L"))),
                // Neutrophil counts are kept as sent; NeutrophilCountMappingTest checks their conversion to 10*9/L.
                arguments("obs-anc-giga-per-litre",
                        List.of(new LabResult("Observation/anc-1", T, "751-8", 0.42, "10*9/L"))),
                arguments("obs-anc-per-microlitre",
                        List.of(new LabResult("Observation/anc-2", T, "751-8", 420, "/uL"))),
                arguments("obs-anc-thousands-per-microlitre",
                        List.of(new LabResult("Observation/anc-3", T, "26499-4", 0.42, "10*3/uL"))),
                arguments("obs-heart-rate", List.of()),
                // Body height (LOINC 8302-2) for a child's blood pressure limits, in cm after conversion.
                arguments("obs-body-height", List.of(new BodyHeight("Observation/height-1", T, 118.0))),
                arguments("obs-body-height-inches", List.of(new BodyHeight("Observation/height-2", T, 127.0))),
                arguments("obs-unknown-code", List.of()),
                arguments("obs-site-local-temperature", List.of(new Temperature("Observation/local-1", T, 38.3))),
                arguments("obs-site-local-loc",
                        List.of(new ConsciousnessLevel("Observation/local-2", T,
                                ConsciousnessLevel.Level.AWAKENS_TO_VOICE))),
                // The status travels with a period (docs/clinical-rules.md section 2, administrations over time);
                // how long each runs is the grading's call (grading case table state-over-time.json).
                arguments("ma-norepinephrine-open", List.of(new VasopressorInfusion("MedicationAdministration/ne-1",
                        VasopressorInfusion.Agent.NOREPINEPHRINE, T, null, AdministrationStatus.IN_PROGRESS))),
                arguments("ma-norepinephrine-closed", List.of(new VasopressorInfusion("MedicationAdministration/ne-2",
                        VasopressorInfusion.Agent.NOREPINEPHRINE, T, Instant.parse("2026-03-09T08:00:00Z"),
                        AdministrationStatus.COMPLETED))),
                arguments("ma-on-hold", List.of(new VasopressorInfusion("MedicationAdministration/ne-3",
                        VasopressorInfusion.Agent.NOREPINEPHRINE, T, Instant.parse("2026-03-07T12:00:00Z"),
                        AdministrationStatus.ON_HOLD))),
                arguments("ma-norepinephrine-completed-no-end",
                        List.of(new VasopressorInfusion("MedicationAdministration/ne-4",
                                VasopressorInfusion.Agent.NOREPINEPHRINE, T, null, AdministrationStatus.COMPLETED))),
                arguments("ma-norepinephrine-stopped-no-end",
                        List.of(new VasopressorInfusion("MedicationAdministration/ne-5",
                                VasopressorInfusion.Agent.NOREPINEPHRINE, T, null, AdministrationStatus.STOPPED))),
                arguments("ma-norepinephrine-on-hold-no-end",
                        List.of(new VasopressorInfusion("MedicationAdministration/ne-6",
                                VasopressorInfusion.Agent.NOREPINEPHRINE, T, null, AdministrationStatus.ON_HOLD))),
                // A sedative over a period carries its end and status; one given at an instant has neither.
                arguments("ma-propofol-infusion-running",
                        List.of(new DrugDose("MedicationAdministration/propofol-1", T, Category.SEDATIVE, "propofol",
                                null, null, null, AdministrationStatus.IN_PROGRESS))),
                arguments("ma-propofol-infusion-stopped",
                        List.of(new DrugDose("MedicationAdministration/propofol-2", T, Category.SEDATIVE, "propofol",
                                null, null, Instant.parse("2026-03-07T16:00:00Z"), AdministrationStatus.STOPPED))),
                arguments("ma-vasopressin-bolus",
                        List.of(new DrugDose("MedicationAdministration/vp-1", T, Category.OTHER, "vasopressin", 0.04,
                                null))),
                // Dexamethasone 0.75 mg = methylprednisolone 4 mg = prednisone 5 mg = hydrocortisone 20 mg.
                arguments("ma-dexamethasone",
                        List.of(new DrugDose("MedicationAdministration/dex-1", T, Category.CORTICOSTEROID,
                                "dexamethasone", 10.0, 10.0))),
                arguments("ma-methylprednisolone-grams", List.of(new DrugDose("MedicationAdministration/mp-1", T,
                        Category.CORTICOSTEROID, "methylprednisolone", 1000.0, 187.5))),
                arguments("ma-prednisone",
                        List.of(new DrugDose("MedicationAdministration/pred-1", T, Category.CORTICOSTEROID,
                                "prednisone", 50.0, 7.5))),
                arguments("ma-hydrocortisone-micrograms", List.of(new DrugDose("MedicationAdministration/hc-1", T,
                        Category.CORTICOSTEROID, "hydrocortisone", 100.0, 3.75))),
                // Prednisolone 5 mg = prednisone 5 mg = dexamethasone 0.75 mg: 60 mg is 9 mg dexamethasone.
                arguments("ma-prednisolone",
                        List.of(new DrugDose("MedicationAdministration/prednl-1", T, Category.CORTICOSTEROID,
                                "prednisolone", 60.0, 9.0))),
                arguments("ma-contained-medication",
                        List.of(new DrugDose("MedicationAdministration/dex-4", T, Category.CORTICOSTEROID,
                                "dexamethasone", 4.0, 4.0))),
                arguments("ma-tocilizumab",
                        List.of(new DrugDose("MedicationAdministration/toci-1", T, Category.ANTI_CYTOKINE,
                                "tocilizumab", 480.0, null))),
                arguments("ma-anakinra",
                        List.of(new DrugDose("MedicationAdministration/ana-1", T, Category.ANTI_CYTOKINE, "anakinra",
                                100.0, null))),
                // No RxNorm code confirmed for siltuximab: the service's own code (toxgrade-medication).
                arguments("ma-siltuximab",
                        List.of(new DrugDose("MedicationAdministration/silt-1", T, Category.ANTI_CYTOKINE,
                                "siltuximab", 770.0, null))),
                arguments("ma-acetaminophen",
                        List.of(new DrugDose("MedicationAdministration/apap-1", T, Category.ANTIPYRETIC,
                                "acetaminophen", 650.0, null))),
                arguments("ma-ibuprofen",
                        List.of(new DrugDose("MedicationAdministration/ibu-1", T, Category.ANTIPYRETIC, "ibuprofen",
                                400.0, null))),
                // IVIG is recognised (not an unknown code) and changes no grade: category OTHER, no steroid dose;
                // given over a period, it keeps its end and status like any administration.
                arguments("ma-ivig",
                        List.of(new DrugDose("MedicationAdministration/ivig-1", T, Category.OTHER,
                                "intravenous immunoglobulin", 30000.0, null, Instant.parse("2026-03-07T14:00:00Z"),
                                AdministrationStatus.COMPLETED))),
                // G-CSF is recorded for the ICAHT evidence and changes no grade (CLINICAL-SPEC section 9).
                arguments("ma-filgrastim",
                        List.of(new DrugDose("MedicationAdministration/filgrastim-1", T, Category.G_CSF, "filgrastim",
                                0.48, null))),
                arguments("ma-levetiracetam-no-dose",
                        List.of(new DrugDose("MedicationAdministration/lev-1", T, Category.ANTISEIZURE, "levetiracetam",
                                null, null))),
                arguments("ma-midazolam",
                        List.of(new DrugDose("MedicationAdministration/mdz-1", T, Category.SEDATIVE, "midazolam", 2.0,
                                null))),
                arguments("ma-car-t", List.of(new CarTInfusion("MedicationAdministration/cart-1", T))),
                arguments("ma-not-done", List.of()),
                arguments("ma-entered-in-error", List.of()),
                arguments("ma-unknown-drug", List.of()),
                arguments("proc-car-t", List.of(new CarTInfusion("Procedure/cart-proc-1", T))),
                arguments("proc-car-t-period", List.of(new CarTInfusion("Procedure/cart-proc-2", T))),
                arguments("proc-entered-in-error", List.of()),
                arguments("proc-other", List.of()),
                arguments("patient",
                        List.of(PatientSex.of("Patient/p1", PatientSex.Sex.FEMALE), LocalDate.of(1995, 6, 15))),
                // A year alone: the last day it allows, the youngest possible age.
                arguments("patient-year-only", List.of(LocalDate.of(1995, 12, 31))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void yieldsTheExpectedFacts(String fixture, List<Object> expected) {
        FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid(fixture));
        assertEquals(expected, everything(extraction));
    }

    @Test
    void everyValidFixtureIsInTheTable() throws Exception {
        List<String> names = table().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(FactsFixtures.path("facts/valid"))) {
            List<String> missing = files.map(p -> p.getFileName().toString().replace(".json", ""))
                    .filter(n -> !names.contains(n)).sorted().toList();
            assertTrue(missing.isEmpty(), "fixtures without an expectation: " + missing);
        }
    }

    static List<Object> everything(FactExtraction extraction) {
        List<Object> all = new ArrayList<>(extraction.facts());
        all.addAll(extraction.contextFacts());
        extraction.infusion().ifPresent(all::add);
        extraction.birthDate().ifPresent(all::add);
        return all;
    }

    @Test
    void factsOfEveryValidFixtureBelongToTheirSource() {
        table().forEach(a -> {
            FactExtraction extraction = FactsFixtures.MAPPER.map(FactsFixtures.valid((String) a.get()[0]));
            extraction.facts().forEach(f -> assertEquals(extraction.source(), FactIds.sourceOf(f.id())));
            extraction.contextFacts().forEach(f -> assertEquals(extraction.source(), FactIds.sourceOf(f.id())));
            assertFalse(extraction.patient().contains("/_history"), extraction.patient());
        });
    }
}
