package org.toxgrade.grading.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.fact.ConsciousnessLevel;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.IceScore;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.fact.Seizure;
import org.toxgrade.grading.fact.Temperature;
import org.toxgrade.grading.fact.VasopressorInfusion;

/**
 * A synthetic 30-day ICU-style episode: blood pressure every 5 minutes, temperature every 30,
 * oxygen hourly while on support, ICE every 8 hours and level of consciousness every 4, with a CRS
 * course (fever, hypotension, two vasopressors, oxygen) and an ICANS course (falling ICE, a
 * seizure, imaging). About 10,000 facts; deterministic for a given seed.
 */
public final class SyntheticEpisode {

    public static final Instant INFUSION = Instant.parse("2024-03-04T10:00:00Z");

    private SyntheticEpisode() {
    }

    public static List<Fact> facts(long seed) {
        return facts(seed, Duration.ofMinutes(5));
    }

    /**
     * About {@code target} facts over the same 30 days and the same course: the readings further
     * apart or closer together (about 10,500 facts at a reading every 5 minutes).
     */
    public static List<Fact> factsAbout(long seed, int target) {
        long seconds = Math.max(30, Math.round(300.0 * 10_500 / target));
        return facts(seed, Duration.ofSeconds(seconds));
    }

    private static List<Fact> facts(long seed, Duration step) {
        Random random = new Random(seed);
        List<Fact> facts = new ArrayList<>(11_000);
        Instant end = INFUSION.plus(Duration.ofDays(30));
        int n = 0;
        for (Instant t = INFUSION; t.isBefore(end); t = t.plus(step)) {
            double day = Duration.between(INFUSION, t).toMinutes() / 1440.0;
            boolean shock = day >= 5 && day < 8;
            double systolic = shock ? 78 + random.nextInt(20) : 100 + random.nextInt(40);
            facts.add(new BloodPressure("Observation/bp-" + n, t, systolic, systolic * 0.6, null));
            if (n % 6 == 0) {
                boolean febrile = (day >= 1 && day < 3.5) || (day >= 5 && day < 9);
                facts.add(new Temperature("Observation/temp-" + n, t,
                        febrile ? 38.0 + random.nextDouble() * 1.8 : 36.5 + random.nextDouble()));
            }
            if (n % 12 == 0 && day >= 4 && day < 9) {
                OxygenSupport.Device device = day < 6
                        ? OxygenSupport.Device.LOW_FLOW_NASAL_CANNULA
                        : day < 7 ? OxygenSupport.Device.HIGH_FLOW_NASAL_CANNULA : OxygenSupport.Device.FACE_MASK;
                facts.add(new OxygenSupport("Observation/o2-" + n, t, device, 2.0 + random.nextInt(8), false));
            }
            if (n % 48 == 0) {
                ConsciousnessLevel.Level level = day >= 8 && day < 10
                        ? ConsciousnessLevel.Level.AWAKENS_TO_VOICE
                        : ConsciousnessLevel.Level.ALERT;
                facts.add(new ConsciousnessLevel("Observation/loc-" + n, t, level));
            }
            if (n % 96 == 0) {
                int ice = day >= 7 && day < 11 ? random.nextInt(10) : 10;
                facts.add(new IceScore("Observation/ice-" + n, t, ice, false));
            }
            n++;
        }
        Instant day = INFUSION;
        facts.add(new VasopressorInfusion("MedicationAdministration/ne", VasopressorInfusion.Agent.NOREPINEPHRINE,
                day.plus(Duration.ofHours(5 * 24 + 2)), day.plus(Duration.ofHours(8 * 24))));
        facts.add(new VasopressorInfusion("MedicationAdministration/avp", VasopressorInfusion.Agent.VASOPRESSIN,
                day.plus(Duration.ofHours(6 * 24)), day.plus(Duration.ofHours(7 * 24))));
        facts.add(new VasopressorInfusion("MedicationAdministration/epi", VasopressorInfusion.Agent.EPINEPHRINE,
                day.plus(Duration.ofHours(6 * 24 + 12)), day.plus(Duration.ofHours(7 * 24 + 6))));
        for (int d = 1; d < 12; d++) {
            facts.add(new DrugDose("MedicationAdministration/apap-" + d, day.plus(Duration.ofHours(d * 24 + 9)),
                    DrugDose.Category.ANTIPYRETIC, "acetaminophen", 1000.0, null));
            facts.add(new DrugDose("MedicationAdministration/lorazepam-" + d, day.plus(Duration.ofHours(d * 24 + 22)),
                    DrugDose.Category.SEDATIVE, "lorazepam", 1.0, null));
        }
        facts.add(new DrugDose("MedicationAdministration/toci", day.plus(Duration.ofHours(5 * 24 + 4)),
                DrugDose.Category.ANTI_CYTOKINE, "tocilizumab", 560.0, null));
        facts.add(new DrugDose("MedicationAdministration/dex", day.plus(Duration.ofHours(8 * 24 + 1)),
                DrugDose.Category.CORTICOSTEROID, "dexamethasone", 10.0, 10.0));
        facts.add(new Seizure("Observation/seizure", day.plus(Duration.ofHours(9 * 24 + 3)),
                Seizure.Kind.CLINICAL_RAPIDLY_RESOLVING));
        facts.add(new NeuroImaging("ImagingStudy/mri-1", day.plus(Duration.ofHours(9 * 24 + 6)),
                NeuroImaging.Finding.FOCAL_EDEMA));
        facts.add(new NeuroImaging("ImagingStudy/mri-2", day.plus(Duration.ofHours(20 * 24)),
                NeuroImaging.Finding.NORMAL));
        // Two readings sharing a time, so that canonical ordering of ties is exercised.
        Instant tie = day.plus(Duration.ofHours(6 * 24));
        facts.add(new BloodPressure("Observation/bp-tie-b", tie, 70.0, 40.0, null));
        facts.add(new BloodPressure("Observation/bp-tie-a", tie, 120.0, 70.0, null));
        return facts;
    }

    public static EpisodeFacts episode(List<Fact> facts) {
        return EpisodeFacts.builder(INFUSION).birthDate(LocalDate.of(1970, 6, 1)).addAll(facts).build();
    }

    public static Instant asOf() {
        return INFUSION.plus(Duration.ofDays(31));
    }
}
