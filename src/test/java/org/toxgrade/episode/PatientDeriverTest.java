package org.toxgrade.episode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.facts.BodyHeight;
import org.toxgrade.facts.CarTInfusion;
import org.toxgrade.facts.EpisodeFactsAssembler;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.facts.PatientSex;
import org.toxgrade.flags.FlagConfig;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.flags.NeurotoxicityFlag;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.fact.BloodPressure;
import org.toxgrade.grading.icaht.IcahtConfig;

/**
 * The deriver gives the flags the patient's sex and body heights (docs/clinical-rules.md section 5,
 * {@code hypertension-grade3}): from the Patient resource and the height Observations, whatever
 * window they were charted in.
 */
class PatientDeriverTest {

    private static final Instant INFUSION = Instant.parse("2024-03-04T10:00:00Z");

    private final PatientDeriver deriver = new PatientDeriver(new EpisodePlanner(EpisodeConfig.defaults(),
            ZoneOffset.UTC), EpisodeFactsAssembler.withDefaults(), GradingConfig.defaults(), FlagConfig.defaults(),
            IcahtConfig.defaults());

    @Test
    void aTallBoysLimitIsReadWithTheHeightChartedAtAdmissionWeeksBeforeTheInfusion() {
        // Fourth Report Table 3, boys 10 years, 99th percentile systolic 127 at the 50th height
        // percentile, 130 at the 95th. 136 mmHg is grade 3 only at the 50th.
        BodyHeight admission = new BodyHeight("Observation/height", INFUSION.minusSeconds(30 * 86_400L), 155);
        PatientFacts facts = PatientFacts.of(LocalDate.of(2013, 9, 4),
                List.of(new BloodPressure("Observation/bp", INFUSION.plusSeconds(2 * 86_400L), 134.0, 80.0, null)),
                List.of(new CarTInfusion("MedicationAdministration/cart", INFUSION),
                        PatientSex.of("Patient/boy", PatientSex.Sex.MALE), admission));
        assertTrue(hypertension(facts).isEmpty(), "134/80 is below a tall boy's limit of 135");

        PatientFacts noHeight = PatientFacts.of(facts.birthDate(), facts.facts(),
                facts.contextFacts().stream().filter(f -> !(f instanceof BodyHeight)).toList());
        List<FlagOccurrence> flagged = hypertension(noHeight);
        assertEquals(1, flagged.size(), flagged.toString());
        assertTrue(flagged.get(0).evidence().explanation().contains("Boy of 10 years: above 132/93 mmHg"),
                flagged.get(0).evidence().explanation());
    }

    private List<FlagOccurrence> hypertension(PatientFacts facts) {
        return deriver.derive("Patient/boy", facts, INFUSION.plusSeconds(5 * 86_400L)).episodes().get(0).flags()
                .stream().filter(o -> o.flag() == NeurotoxicityFlag.HYPERTENSION_GRADE3).toList();
    }
}
