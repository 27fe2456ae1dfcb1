package org.toxgrade.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * The main acceptance scenario: the PRES case report (seeds/case-pres-after-cd19-cart.txt) sent
 * day by day as an EHR would, through the secured FHIR API, then read back as Conditions, Flags
 * and a timeline. Each assertion quotes the report; where it contradicts itself the test says
 * which reading the ASTCT rules give. Day 0 is 2026-03-02 (UTC).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresCaseEndToEndTest {

    private static final String PATIENT = "pres-case";
    private List<String> days;
    private JsonPath timeline;

    /**
     * Sent once, from the first test that runs (not in a @BeforeAll: the test HTTP port is only
     * known to REST Assured once a test method runs).
     */
    @BeforeEach
    void sendTheCaseDayByDayOnce() {
        if (days != null) {
            return;
        }
        days = SeedCases.days("pres");
        SeedCases.post(days);
        timeline = as(Results.READER).when().get("/api/patients/" + PATIENT + "/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    private Integer grade(String syndrome, int day) {
        return timeline.get("episodes[0].days.find { it.day == " + day + " }.grades." + syndrome + ".grade");
    }

    private String notAssessed(String syndrome, int day) {
        return timeline.get("episodes[0].days.find { it.day == " + day + " }.grades." + syndrome + ".notAssessed");
    }

    private List<String> flagsOn(int day) {
        return timeline.getList("episodes[0].days.find { it.day == " + day + " }.activeFlags");
    }

    @Test
    void eachDayGradeOfTheTimelineSaysWhichFactsAndWhichRuleMadeIt() {
        String day8 = "episodes[0].days.find { it.day == 8 }.grades.";
        // "with an ICE score of 0/10": the ICE domain decides ICANS 3 on day 8.
        assertEquals(List.of("ice"), timeline.getList(day8 + "icans.decisiveDomains"));
        assertTrue(timeline.getList(day8 + "icans.ruleIds").contains("ASTCT-ICANS-ICE-0-2"),
                timeline.getList(day8 + "icans.ruleIds").toString());
        assertTrue(timeline.getString(day8 + "icans.explanation").startsWith("ICANS grade 3 from 2026-03-10"),
                timeline.getString(day8 + "icans.explanation"));
        // CRS 3 on day 5: hypotension on one vasopressor, the norepinephrine record named.
        String day5 = "episodes[0].days.find { it.day == 5 }.grades.crs.";
        assertTrue(timeline.getList(day5 + "ruleIds").contains("ASTCT-CRS-HYPOTENSION-ONE-VASOPRESSOR"));
        assertTrue(timeline.getList(day5 + "factIds").contains("MedicationAdministration/pres-norepinephrine-1"),
                timeline.getList(day5 + "factIds").toString());
        assertEquals(3, (int) timeline.getInt(day5 + "domains.hypotension"));
        // A day without the data is not assessed, and says so in words, never grade 0.
        String day2 = "episodes[0].days.find { it.day == 2 }.grades.icans.";
        assertNull(timeline.get(day2 + "grade"));
        assertTrue(timeline.getString(day2 + "explanation").contains("not the same as grade 0"));
        // The last ICE charted, for the ward's overdue check.
        assertTrue(timeline.getString("episodes[0].lastIceAssessment").startsWith("2026-03-"),
                timeline.getString("episodes[0].lastIceAssessment"));
    }

    @Test
    void theFactsThatComeOutAreWhatTheReportSays() {
        JsonPath facts = as("toxgrade/operator").when().get("/ops/patients/" + PATIENT + "/facts")
                .then().statusCode(200).extract().jsonPath();
        // "That evening, she developed a fever of 102°F": converted from [degF], 38.89 Cel.
        assertTrue(payload(facts, "Observation/pres-temp-d0-evening").contains("\"celsius\":38.88"),
                payload(facts, "Observation/pres-temp-d0-evening"));
        // "two courses of norepinephrine": the first closed by its second version on day 7.
        assertEquals(2,
                facts.getInt("find { it.id == 'MedicationAdministration/pres-norepinephrine-1' }.sourceVersion"));
        assertTrue(payload(facts, "MedicationAdministration/pres-norepinephrine-1")
                .contains("\"end\":\"2026-03-09T08:00:00Z\""));
        // "with an ICE score of 0/10"; "cEEG revealed seizure-like activity"
        assertTrue(payload(facts, "Observation/pres-ice-d8").contains("\"score\":0"));
        assertEquals("seizure", facts.getString("find { it.id == 'Observation/pres-ceeg-d8' }.kind"));
        // "intravenous methylprednisolone (500 mg)": 93.75 mg dexamethasone equivalent (0.75 : 4).
        assertTrue(payload(facts, "MedicationAdministration/pres-methylprednisolone-d8").contains("93.75"));
        // "symmetric T2/FLAIR hyperintensities ... consistent with vasogenic edema ... PRES"
        assertTrue(payload(facts, "Observation/pres-mri-d15").contains("VASOGENIC_EDEMA_PRES_PATTERN"));
        // "hypertension of 187/109 mmHg"
        assertTrue(payload(facts, "Observation/pres-bp-d16").contains("\"systolic\":187.0"));
        assertTrue(payload(facts, "Observation/pres-bp-d16").contains("\"diastolic\":109.0"));
        assertEquals("car-t-infusion",
                facts.getString("find { it.id == 'MedicationAdministration/pres-cart-infusion' }.kind"));
        // "The baseline MRI obtained prior to CAR-T cell therapy was unremarkable" (before day 0).
        assertTrue(payload(facts, "Observation/pres-mri-baseline").contains("NORMAL"));
        // "generalized weakness, including difficulty in holding her phone or a sandwich" (day 15)
        assertTrue(payload(facts, "Observation/pres-weakness-d15").contains("GENERALIZED_WEAKNESS"));
        // "The brain MRI and fundoscopic exam were unremarkable" (day 8): a negative examination is
        // stored but is no fact; ASTCT grades on the signs present.
        assertEquals(null, facts.getString("find { it.id == 'Observation/pres-fundoscopy-d8' }.payload"));
    }

    @Test
    void theUnremarkableFundoscopyIsAcceptedWithoutAnUnknownCodeWarning() {
        // Sent again (a redelivery changes nothing): the entry is answered 200 with no warning, as a
        // known code of the contract, unlike a code the service cannot read (docs/clinical-rules.md
        // section 8).
        JsonPath answer = asEhr().contentType("application/fhir+json")
                .body(days.stream().filter(d -> d.contains("\"pres-day-008\"")).findFirst().orElseThrow())
                .when().post("/fhir")
                .then().statusCode(200).extract().jsonPath();
        int i = answer.getList("entry.response.location", String.class).indexOf(
                answer.getList("entry.response.location", String.class).stream()
                        .filter(l -> l.startsWith("Observation/pres-fundoscopy-d8/")).findFirst().orElseThrow());
        assertEquals("200 OK", answer.getString("entry[" + i + "].response.status"));
        assertEquals(null, answer.getString("entry[" + i + "].response.outcome"));
        // Day 8 stays ICANS 3 by the ICE and the cEEG: no raised-ICP domain from a normal fundoscopy.
        assertEquals(Integer.valueOf(3), grade("icans", 8));
    }

    private static String payload(JsonPath facts, String id) {
        String payload = facts.getString("find { it.id == '" + id + "' }.payload");
        assertTrue(payload != null, id + " has a fact");
        return payload;
    }

    @Test
    void day0FeverIsCrsGrade1NotGrade2() {
        // "That evening, she developed a fever of 102°F, consistent with grade 2 CRS" versus the
        // discussion's "The patient initially developed grade 1 CRS": fever without hypotension or
        // hypoxia is grade 1 by ASTCT (docs/clinical-rules.md section 2), so the rules take grade 1.
        assertEquals(1, grade("crs", 0));
        // "with ICE score of 10/10"
        assertEquals(0, grade("icans", 0));
    }

    @Test
    void day5VasopressorsAreCrsGrade3WithIce10() {
        // "This clinical decline, consistent with grade 3 CRS and ICE scores of 10/10, prompted her
        // transfer to the intensive care unit for vasopressor support."
        assertEquals(3, grade("crs", 5));
        assertEquals(0, grade("icans", 5));
    }

    @Test
    void day7StillHasTheNorepinephrineOfTheNightBeforeTheDowngrade() {
        // "By day 7, her hypotension resolved, and CRS was downgraded to grade 1." The first
        // norepinephrine runs until day 7 08:00 (its second version closes it then), and the day
        // grade is the maximum over the day (docs/clinical-rules.md section 4), so day 7 is CRS 3 from
        // midnight; the downgrade to grade 1 is the 09:00 assessment (SeedCasesTest checks the
        // instant).
        assertEquals(3, grade("crs", 7));
    }

    @Test
    void everyDayOfVasopressorSupportHasACrsGrade() {
        // "prompted her transfer to the intensive care unit for vasopressor support" (day 5); "two
        // courses of norepinephrine": day 5 11:00 to day 7 08:00 and day 8 08:00 to day 10 08:00.
        // Fever is masked after tocilizumab and dexamethasone (ASTCT CRS footnote), so a running
        // norepinephrine is CRS 3 on days without any other record (docs/clinical-rules.md section 4).
        for (int day : List.of(5, 6, 7, 8, 9, 10)) {
            assertEquals(3, grade("crs", day), "day " + day);
        }
    }

    @Test
    void theDay0EveningFeverDoesNotCarryIntoDay1() {
        // "That evening, she developed a fever of 102°F"; the only record of day 1 is 98.6 °F at
        // 08:00. The latest reading decides (docs/clinical-rules.md section 2), so day 1 is CRS 0.
        assertEquals(0, grade("crs", 1));
    }

    @Test
    void daysWithoutTheirDataAreNotAssessedRatherThanZero() {
        // docs/clinical-rules.md section 4: "A day with no neurological assessment has ICANS not assessed,
        // never 0; a day with no temperature, blood pressure, oxygen or vasopressor has CRS not
        // assessed". The timeline shows no grade for such a day (null) and says why, never 0.
        for (int day : List.of(1, 9, 10, 13, 16, 17, 18, 19, 20)) {
            assertEquals(null, grade("icans", day), "ICANS day " + day);
            assertEquals("no neurological assessment", notAssessed("icans", day), "ICANS day " + day);
        }
        for (int day : List.of(2, 3, 4, 12, 13, 14, 17, 18, 19, 20)) {
            assertEquals(null, grade("crs", day), "CRS day " + day);
            assertEquals("no temperature, blood pressure, oxygen support or vasopressor", notAssessed("crs", day),
                    "CRS day " + day);
        }
        // An assessed day carries no reason.
        assertEquals(null, notAssessed("crs", 5));
    }

    @Test
    void day8IsCrs3AndIcans3WithASeizureFlag() {
        // "On the morning of day 8 ... fever of 103.3°F, tachypnea, hypotension, and progressive
        // somnolence. This was consistent with grade 3 CRS and grade 3 ICANS, with an ICE score of 0/10."
        assertEquals(3, grade("crs", 8));
        assertEquals(Integer.valueOf(3), grade("icans", 8));
        // "continuous electroencephalogram (cEEG) revealed seizure-like activity"
        assertTrue(flagsOn(8).containsAll(List.of("seizure", "icans-onset", "icans-high-grade")), flagsOn(8)::toString);
    }

    @Test
    void days10And11AreRecovery() {
        // "Over the course of days 10 and 11, the patient made neurological and hemodynamic recovery
        // to her baseline mental status". On day 10 the second norepinephrine still runs until
        // 08:00 with fever masked, so day 10 is CRS 3 (maximum over the day, docs/clinical-rules.md section 4),
        // and no neurological assessment was charted: ICANS not assessed (null), not 0. Day 11 shows
        // the recovery: 98.2 °F, 118/72, ICE 10/10, alert.
        assertEquals(3, grade("crs", 10));
        assertEquals(null, grade("icans", 10));
        assertEquals(0, grade("crs", 11));
        assertEquals(0, grade("icans", 11));
    }

    @Test
    void day15IsIcans1WithPresSuspected() {
        // "She was hemodynamically stable (grade 0 CRS), but her ICE score was 9/10, consistent with
        // grade 1 ICANS. A repeat brain MRI ... consistent with vasogenic edema ... (PRES)."
        assertEquals(0, grade("crs", 15));
        assertEquals(1, grade("icans", 15));
        assertTrue(flagsOn(15).contains("pres-suspected"), flagsOn(15)::toString);
        JsonNode pres = Results.stored(PATIENT).entrySet().stream()
                .filter(e -> e.getKey().contains("-pres-suspected-")).findFirst().orElseThrow().getValue();
        assertEquals("2026-03-17T14:00:00+00:00", pres.path("period").path("start").asText());
        assertTrue(pres.toString().contains("Observation/pres-mri-d15"), "the MRI is the flag's supporting record");
    }

    @Test
    void theFollowUpMriOnDay69EndsPresSuspected() {
        // "A follow-up brain MRI on day 69 demonstrated the complete resolution of the previously
        // noted vasogenic edema": the flag becomes inactive, ending at that study, and is kept.
        JsonNode pres = Results.stored(PATIENT).entrySet().stream()
                .filter(e -> e.getKey().contains("-pres-suspected-")).findFirst().orElseThrow().getValue();
        assertEquals("inactive", pres.path("status").asText());
        assertEquals("2026-05-10T10:00:00+00:00", pres.path("period").path("end").asText());
        assertTrue(flagsOn(68).contains("pres-suspected"));
        assertTrue(!flagsOn(70).contains("pres-suspected"));
    }

    @Test
    void day16HypertensionIsGrade3() {
        // "On day 16, the patient developed agitation, hypertension of 187/109 mmHg"
        assertTrue(flagsOn(16).contains("hypertension-grade3"), flagsOn(16)::toString);
        assertTrue(flagsOn(16).contains("pres-suspected"));
    }

    @Test
    void theFailedTapersRaiseSteroidTaperRebound() {
        // Figure 6: "Taper represents each day on which an attempt was made to de-escalate a
        // preceding steroid treatment, typically leading to worsening grades of ICANS or CRS".
        // Day 7 "de-escalation" -> day 8 worsening; day 12 taper -> "recurrence of somnolence";
        // day 14 second taper -> day 15 ICANS 1.
        assertTrue(flagsOn(8).contains("steroid-taper-rebound"), flagsOn(8)::toString);
        assertTrue(flagsOn(12).contains("steroid-taper-rebound"), flagsOn(12)::toString);
        assertTrue(flagsOn(15).contains("steroid-taper-rebound"), flagsOn(15)::toString);
    }

    @Test
    void theConditionsCarryThePeakGradesWithTheirEvidenceAndStayProvisional() {
        as(Results.READER).queryParam("patient", PATIENT).when().get("/fhir/Condition").then().statusCode(200)
                .body("total", equalTo(2))
                .body("entry.resource.stage[0].summary.coding[0].code", hasItems("grade-3"))
                .body("entry.resource.code.coding.code.flatten()", hasItems("crs", "D89.833", "icans", "G92.03"))
                .body("entry.resource.verificationStatus.coding[0].code", not(hasItem(not(equalTo("provisional")))))
                .body("entry.find { it.resource.code.coding[0].code == 'crs' }.resource.onsetDateTime",
                        equalTo("2026-03-02T20:00:00+00:00"))
                .body("entry.find { it.resource.code.coding[0].code == 'crs' }.resource.evidence.detail.reference.flatten()",
                        hasItems("Observation/pres-temp-d0-evening", "MedicationAdministration/pres-norepinephrine-1"))
                .body("entry.find { it.resource.code.coding[0].code == 'icans' }.resource.onsetDateTime",
                        equalTo("2026-03-10T07:00:00+00:00"))
                .body("entry.find { it.resource.code.coding[0].code == 'icans' }.resource.evidence.detail.reference.flatten()",
                        hasItems("Observation/pres-ice-d8"))
                // Days without a neurological assessment are named as such, never read as grade 0.
                .body("entry.find { it.resource.code.coding[0].code == 'icans' }.resource.note[0].text",
                        containsString("ICANS not assessed on days 1-4, 6-7, 9-10, 13, 16-20, 22-68, 70-100 "))
                .body("entry.find { it.resource.code.coding[0].code == 'icans' }.resource.note[0].text",
                        containsString("(no neurological assessment)"));
    }

    @Test
    void gradeGivesTheSameAnswerAsTheStoredPath() {
        String answer = as("toxgrade/grade").urlEncodingEnabled(false).contentType("application/fhir+json")
                .body(SeedCases.asCollection(days)).when().post("/fhir/$grade")
                .then().statusCode(200).body("type", equalTo("collection")).extract().asString();
        Map<String, JsonNode> stored = Results.stored(PATIENT);
        Map<String, JsonNode> graded = Results.graded(answer);
        String key = stored.keySet().iterator().next().split("/")[1].substring(0, 19);
        assertEquals(Results.clinicalContent(stored, key), Results.clinicalContent(graded, key));
    }

    @Test
    void aRedeliveryOfTheWholeCaseChangesNothing() {
        Map<String, JsonNode> before = Results.stored(PATIENT);
        SeedCases.post(days);
        Map<String, JsonNode> after = Results.stored(PATIENT);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((id, resource) -> assertEquals(resource.path("meta").path("versionId").asText(),
                after.get(id).path("meta").path("versionId").asText(), id + " got a new version"));
    }

    @Test
    void shuffledAndLateDeliveriesGiveTheSameResults() {
        List<String> shuffled = new ArrayList<>(SeedCases.renamed(days, "pres-", "late-"));
        Collections.shuffle(shuffled, new Random(20261121));
        // Day 5 again at the very end: version 1 of the first norepinephrine course arrives after
        // version 2 that closed it. It must not reopen the infusion.
        shuffled.add(SeedCases.renamed(List.of(days.get(2)), "pres-", "late-").get(0));
        SeedCases.post(shuffled);

        Map<String, JsonNode> inOrder = Results.stored(PATIENT);
        Map<String, JsonNode> late = Results.stored("late-case");
        String orderKey = inOrder.keySet().iterator().next().split("/")[1].substring(0, 19);
        String lateKey = late.keySet().iterator().next().split("/")[1].substring(0, 19);
        assertEquals(Results.clinicalContent(inOrder, orderKey),
                Results.clinicalContent(late, lateKey, "late-", "pres-"));
    }
}
