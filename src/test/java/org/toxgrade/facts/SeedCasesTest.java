package org.toxgrade.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toxgrade.grading.CourseStatus;
import org.toxgrade.grading.DayGrade;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.EpisodeGrading;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.Spell;
import org.toxgrade.grading.Syndrome;

/**
 * The two seed case reports (docs/clinical-rules.md section 6) as FHIR transaction Bundles, read through the
 * facts mapping. Each row of the day tables is a fact the report states or the folder README lists
 * as an assumption.
 */
class SeedCasesTest {

    private static SeedCaseFacts pres;
    private static SeedCaseFacts polyradiculopathy;

    @BeforeAll
    static void read() throws IOException {
        pres = new SeedCaseFacts("pres");
        polyradiculopathy = new SeedCaseFacts("polyradiculopathy");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pres", "polyradiculopathy"})
    void everyBundleIsAnIdempotentTransactionOfStableIds(String folder) throws IOException {
        SeedCaseFacts seed = new SeedCaseFacts(folder);
        assertFalse(seed.bundles.isEmpty());
        for (Bundle bundle : seed.bundles) {
            assertEquals(Bundle.BundleType.TRANSACTION, bundle.getType());
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                assertEquals(Bundle.HTTPVerb.PUT, entry.getRequest().getMethod());
                assertEquals(resource.fhirType() + "/" + resource.getIdElement().getIdPart(),
                        entry.getRequest().getUrl());
            }
        }
    }

    @Test
    void presEveryResourceMapsToFactsOrIsKnown() {
        pres.latestBySource.values()
                .forEach(e -> assertTrue(e.unknownCodes().isEmpty(), e.source() + " " + e.unknownCodes()));
        assertTrue(pres.latestBySource.values().stream().filter(e -> !e.source().startsWith("Patient/"))
                .allMatch(e -> e.patient().equals("Patient/pres-case")));
    }

    @Test
    void presPatientIsThirtyOnTheDayOfInfusion() {
        LocalDate birth = pres.patientFacts().birthDate();
        LocalDate day0 = pres.infusion().atZone(ZoneOffset.UTC).toLocalDate();
        assertEquals(30, Period.between(birth, day0).getYears());
    }

    @Test
    void presKeyFactsPerDay() {
        Map<Integer, List<String>> days = pres.signaturesByDay();
        Map<Integer, List<String>> expected = Map.ofEntries(
                Map.entry(0, List.of("car-t infusion", "temperature 38.9 C", "ice 10", "ANTIPYRETIC acetaminophen",
                        "ANTISEIZURE levetiracetam")),
                Map.entry(5, List.of("bp 82/45", "ice 10", "loc ALERT", "vasopressor NOREPINEPHRINE day 5 to day 7",
                        "ANTI_CYTOKINE tocilizumab", "CORTICOSTEROID dexamethasone 10 mg (dex 10.00 mg)")),
                Map.entry(7, List.of("CORTICOSTEROID dexamethasone 4 mg (dex 4.00 mg)", "bp 112/70")),
                Map.entry(8, List.of("temperature 39.6 C", "bp 84/48", "ice 0", "loc AWAKENS_TO_VOICE",
                        "vasopressor NOREPINEPHRINE day 8 to day 10",
                        "CORTICOSTEROID methylprednisolone 500 mg (dex 93.75 mg)",
                        "ANTI_CYTOKINE anakinra", "imaging NORMAL", "seizure EEG_NONCONVULSIVE_RESOLVING",
                        "ANTISEIZURE levetiracetam")),
                Map.entry(11, List.of("ice 10", "loc ALERT", "bp 118/72")),
                Map.entry(12, List.of("CORTICOSTEROID dexamethasone 10 mg (dex 10.00 mg)", "loc AWAKENS_TO_VOICE",
                        "CORTICOSTEROID methylprednisolone 1000 mg (dex 187.50 mg)")),
                Map.entry(13, List.of("CORTICOSTEROID methylprednisolone 1000 mg (dex 187.50 mg)")),
                Map.entry(14, List.of("CORTICOSTEROID dexamethasone 10 mg (dex 10.00 mg)")),
                Map.entry(-6, List.of("imaging NORMAL")),
                Map.entry(6, List.of("CORTICOSTEROID dexamethasone 10 mg (dex 10.00 mg)")),
                Map.entry(15, List.of("ice 9", "imaging VASOGENIC_EDEMA_PRES_PATTERN", "neuro GENERALIZED_WEAKNESS",
                        "CORTICOSTEROID methylprednisolone 1000 mg (dex 187.50 mg)", "ANTI_CYTOKINE anakinra")),
                Map.entry(16, List.of("bp 187/109", "lab 2524-7 7.4 mmol/L")),
                Map.entry(19, List.of("CORTICOSTEROID methylprednisolone 1000 mg (dex 187.50 mg)",
                        "CORTICOSTEROID dexamethasone 8 mg (dex 8.00 mg)")),
                Map.entry(21, List.of("ice 10", "loc ALERT")),
                Map.entry(22, List.of("CORTICOSTEROID prednisone 60 mg (dex 9.00 mg)", "ANTISEIZURE levetiracetam")));
        expected.forEach((day, facts) -> assertTrue(days.getOrDefault(day, List.of()).containsAll(facts),
                "day " + day + ": expected " + facts + " within " + days.get(day)));
        assertEquals(2, days.values().stream().flatMap(List::stream).filter(s -> s.startsWith("vasopressor")).count(),
                "two courses of norepinephrine");
        assertEquals(1, days.get(19).stream().filter(s -> s.contains("dexamethasone 8 mg")).count(),
                "dexamethasone 8 mg three times daily from day 19 22:00, after that day's pulse dose");
        assertEquals(3, days.get(20).stream().filter(s -> s.contains("dexamethasone 8 mg")).count());
        assertEquals(4, days.get(6).stream().filter(s -> s.contains("dexamethasone 10 mg")).count(),
                "the protocol dexamethasone every 6 h goes on through day 6 (assumed interval)");
    }

    @Test
    void presUnremarkableFundoscopyIsAKnownNegativeExaminationThatYieldsNoFact() {
        // Day 8: "The brain MRI and fundoscopic exam were unremarkable". An icp-sign Observation
        // valued `none`: read, not an unknown code, and no fact (ASTCT grades on signs present).
        FactExtraction fundoscopy = pres.latestBySource.get("Observation/pres-fundoscopy-d8");
        assertTrue(fundoscopy.facts().isEmpty(), fundoscopy.facts()::toString);
        assertTrue(fundoscopy.contextFacts().isEmpty());
        assertTrue(fundoscopy.unknownCodes().isEmpty(), fundoscopy.unknownCodes()::toString);
    }

    @Test
    void presSecondVersionOfTheFirstNorepinephrineClosesTheCourse() {
        FactExtraction course = pres.latestBySource.get("MedicationAdministration/pres-norepinephrine-1");
        assertEquals("vasopressor NOREPINEPHRINE day 5 to day 7",
                SeedCaseFacts.signature(course.facts().get(0),
                        pres.infusion().atZone(ZoneOffset.UTC).toLocalDate()));
    }

    @Test
    void presGradesLikeTheReport() {
        EpisodeFacts episode = EpisodeFactsAssembler.withDefaults().assemble(pres.infusion(), pres.patientFacts());
        EpisodeGrading grading = EpisodeGrader.grade(episode, GradingConfig.defaults(),
                pres.infusion().plusSeconds(23 * 86400L));
        // Day 0: the paper says grade 2 and grade 1; fever alone is grade 1 by ASTCT (docs/clinical-rules.md section 6).
        assertEquals(OptionalInt.of(1), grading.of(Syndrome.CRS).day(0).orElseThrow().grade());
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.CRS).day(5).orElseThrow().grade(),
                "day 5 vasopressor: CRS 3");
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.CRS).day(8).orElseThrow().grade(),
                "day 8 hypotension on norepinephrine: CRS 3");
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.ICANS).day(8).orElseThrow().grade(),
                "day 8 ICE 0, cEEG seizure activity: ICANS 3");
        assertEquals(OptionalInt.of(1), grading.of(Syndrome.ICANS).day(15).orElseThrow().grade(),
                "day 15 ICE 9: ICANS 1");
        assertEquals(OptionalInt.of(0), grading.of(Syndrome.ICANS).day(5).orElseThrow().grade(),
                "day 5 ICE 10: no ICANS");
        // State between observations (docs/clinical-rules.md section 4): the norepinephrine courses grade the
        // days they run, the day-0 fever ends with the 98.6 F of day 1, days without data are not assessed.
        assertEquals(OptionalInt.of(0), grading.of(Syndrome.CRS).day(1).orElseThrow().grade(), "day 1 98.6 F: CRS 0");
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.CRS).day(6).orElseThrow().grade(),
                "day 6 norepinephrine: CRS 3");
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.CRS).day(10).orElseThrow().grade(),
                "day 10 norepinephrine until 08:00: CRS 3");
        assertEquals(OptionalInt.of(1),
                grading.of(Syndrome.CRS).at(Instant.parse("2026-03-09T09:00:00Z")).orElseThrow().grade(),
                "day 7 09:00: 'CRS was downgraded to grade 1'");
        assertFalse(grading.of(Syndrome.ICANS).day(10).orElseThrow().assessed(), "day 10: no neurological assessment");
        assertFalse(grading.of(Syndrome.CRS).day(13).orElseThrow().assessed(), "day 13: no CRS parameter");
    }

    @Test
    void presEpisodePeaksAndSpellsFollowTheReport() {
        EpisodeGrading grading = EpisodeGrader.grade(pres.episodeFacts(), GradingConfig.defaults(),
                pres.infusion().plusSeconds(22 * 86400L + 2 * 3600L));
        // Day 5 "consistent with grade 3 CRS ... transfer to the intensive care unit for vasopressor
        // support": the episode's peak is set when the norepinephrine starts.
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.CRS).episode().grade());
        assertEquals(Optional.of(Instant.parse("2026-03-07T11:00:00Z")), grading.of(Syndrome.CRS).episode().at());
        // Two CRS spells: the day-0 fever ("her CRS resolved with acetaminophen") and the course of
        // days 5-10 ("By day 7, her hypotension resolved"; the second norepinephrine course ends day 10).
        List<Spell> crs = grading.of(Syndrome.CRS).course().spells();
        assertEquals(List.of(Instant.parse("2026-03-02T20:00:00Z"), Instant.parse("2026-03-07T10:00:00Z")),
                crs.stream().map(Spell::onset).toList(), crs::toString);
        assertEquals(List.of(1, 3), crs.stream().map(Spell::peakGrade).toList());
        assertEquals(Optional.of(Instant.parse("2026-03-12T08:00:00Z")), crs.get(1).abatement());
        // "consistent with grade 3 CRS and grade 3 ICANS, with an ICE score of 0/10" (day 8).
        assertEquals(OptionalInt.of(3), grading.of(Syndrome.ICANS).episode().grade());
        assertEquals(Optional.of(Instant.parse("2026-03-10T07:00:00Z")), grading.of(Syndrome.ICANS).episode().at());
        // ICANS spells: day 8 (grade 3), the day-12 "recurrence of somnolence" (grade 2 by the
        // level of consciousness), day 15 "ICE score was 9/10, consistent with grade 1 ICANS".
        List<Spell> icans = grading.of(Syndrome.ICANS).course().spells();
        assertEquals(List.of(Instant.parse("2026-03-10T07:00:00Z"), Instant.parse("2026-03-14T14:00:00Z"),
                Instant.parse("2026-03-17T10:00:00Z")), icans.stream().map(Spell::onset).toList(), icans::toString);
        assertEquals(List.of(3, 2, 1), icans.stream().map(Spell::peakGrade).toList());
        assertEquals(CourseStatus.RESOLVED, grading.of(Syndrome.ICANS).course().status());
    }

    @Test
    void polyradiculopathyKeyFactsPerDay() {
        Map<Integer, List<String>> days = polyradiculopathy.signaturesByDay();
        Map<Integer, List<String>> expected = Map.ofEntries(
                Map.entry(0, List.of("car-t infusion", "ice 10")),
                Map.entry(6, List.of("neuro NEUROPATHIC_PAIN", "motor LIMB_WEAKNESS", "ice 10")),
                Map.entry(10, List.of("temperature 38.6 C", "ANTI_CYTOKINE tocilizumab", "ice 10")),
                Map.entry(27, List.of("motor LIMB_WEAKNESS")),
                Map.entry(52, List.of("neuro EMG_DENERVATION")),
                Map.entry(53, List.of("imaging NORMAL")),
                Map.entry(55, List.of("neuro CSF_PLEOCYTOSIS")),
                Map.entry(64, List.of("CORTICOSTEROID dexamethasone 20 mg (dex 20.00 mg)")),
                Map.entry(70, List.of("CORTICOSTEROID dexamethasone 10 mg (dex 10.00 mg)")),
                Map.entry(156, List.of("neuro RIGIDITY_SPASMS", "neuro NEUROPATHIC_PAIN", "ice 10")),
                Map.entry(157, List.of("neuro EMG_DENERVATION")));
        expected.forEach((day, facts) -> assertTrue(days.getOrDefault(day, List.of()).containsAll(facts),
                "day " + day + ": expected " + facts + " within " + days.get(day)));
        assertTrue(
                days.values().stream().flatMap(List::stream).filter(s -> s.startsWith("ice"))
                        .allMatch(s -> s.equals("ice 10")),
                "ICE 10 throughout");
    }

    @Test
    void polyradiculopathyIvigHasNoConfirmedCodeAndIsReportedNotFailed() {
        FactExtraction ivig = polyradiculopathy.latestBySource.get("MedicationAdministration/polyrad-ivig-d76");
        assertTrue(ivig.facts().isEmpty());
        assertEquals(Map.of(UnknownCode.NO_SYSTEM, 1L), ivig.unknownCodeCountsBySystem());
    }

    @Test
    void polyradiculopathyGradesCrsOneAndNoIcans() {
        EpisodeFacts episode = EpisodeFactsAssembler.withDefaults().assemble(polyradiculopathy.infusion(),
                polyradiculopathy.patientFacts());
        EpisodeGrading grading = EpisodeGrader.grade(episode, GradingConfig.defaults(),
                polyradiculopathy.infusion().plusSeconds(170 * 86400L));
        assertEquals(OptionalInt.of(1), grading.of(Syndrome.CRS).day(10).orElseThrow().grade());
        assertTrue(grading.of(Syndrome.ICANS).days().stream().noneMatch(d -> d.atLeast(1)),
                "no ICANS by ICE or motor domain");
        assertTrue(grading.of(Syndrome.ICANS).days().stream().anyMatch(DayGrade::assessed),
                "ICE assessed on some days");
    }
}
