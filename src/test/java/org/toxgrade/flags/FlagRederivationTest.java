package org.toxgrade.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.toxgrade.facts.SeedCaseFacts;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.EpisodeGrader;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.Fact;

/**
 * Flags are derived facts: they re-derive with late data, and a flag that no longer holds becomes
 * inactive with an end; it is never deleted (docs/clinical-rules.md section 5).
 */
class FlagRederivationTest {

    static List<FlagOccurrence> evaluate(EpisodeFacts facts, Instant asOf) {
        return FlagEngine.evaluate(facts, EpisodeGrader.grade(facts, GradingConfig.defaults(), asOf),
                FlagConfig.defaults(), asOf);
    }

    @Test
    void asTimePassesInTheSeedCasesNoOccurrenceDisappearsOrChangesOnceInactive() {
        EpisodeFacts pres = SeedScenarios.pres();
        EpisodeFacts poly = SeedCaseFacts.read("polyradiculopathy").episodeFacts();
        checkDayByDay(pres, 23, null);
        // Graded up to the end of its day-100 window, followed for late neurotoxicity after it.
        checkDayByDay(poly, 161,
                poly.infusion().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(java.time.Duration.ofDays(101)));
    }

    private static void checkDayByDay(EpisodeFacts facts, int days, Instant gradingWindowEnd) {
        List<FlagOccurrence> before = List.of();
        for (int day = 0; day <= days; day++) {
            Instant asOf = facts.infusion().plusSeconds(86_400L * day);
            Instant graded = gradingWindowEnd != null && gradingWindowEnd.isBefore(asOf) ? gradingWindowEnd : asOf;
            List<FlagOccurrence> now = FlagEngine.evaluate(facts,
                    EpisodeGrader.grade(facts, GradingConfig.defaults(), graded), FlagConfig.defaults(), asOf);
            for (FlagOccurrence earlier : before) {
                Optional<FlagOccurrence> later = now.stream()
                        .filter(o -> o.flag() == earlier.flag() && o.occurrence() == earlier.occurrence()).findFirst();
                assertTrue(later.isPresent(), "day " + day + ": lost " + earlier);
                assertEquals(earlier.start(), later.get().start(), "day " + day + ": moved " + earlier);
                if (earlier.status() == FlagStatus.INACTIVE) {
                    assertEquals(earlier, later.get(), "day " + day + ": an ended occurrence changed");
                }
            }
            before = now;
        }
    }

    @Test
    void aLateNormalReadingEndsTheHypertensionFlagWithoutDeletingIt() {
        Instant infusion = Instant.parse("2024-03-04T10:00:00Z");
        Instant asOf = Instant.parse("2024-03-09T00:00:00Z");
        BloodPressure high = new BloodPressure("Observation/bp-high", Instant.parse("2024-03-06T08:00:00Z"), 172.0,
                104.0, null);
        BloodPressure lateNormal = new BloodPressure("Observation/bp-late", Instant.parse("2024-03-07T08:00:00Z"),
                132.0, 84.0, null);
        List<Fact> first = List.of(high);
        List<Fact> withLate = new ArrayList<>(first);
        withLate.add(lateNormal);

        FlagOccurrence before = only(evaluate(EpisodeFacts.builder(infusion).addAll(first).build(), asOf));
        FlagOccurrence after = only(evaluate(EpisodeFacts.builder(infusion).addAll(withLate).build(), asOf));

        assertEquals(FlagStatus.ACTIVE, before.status());
        assertEquals(FlagStatus.INACTIVE, after.status());
        assertEquals(before.start(), after.start());
        assertEquals(1, after.occurrence());
        assertEquals(lateNormal.time(), after.end());
    }

    private static FlagOccurrence only(List<FlagOccurrence> flags) {
        List<FlagOccurrence> htn = flags.stream().filter(o -> o.flag() == NeurotoxicityFlag.HYPERTENSION_GRADE3)
                .toList();
        assertEquals(1, htn.size(), htn.toString());
        return htn.get(0);
    }
}
