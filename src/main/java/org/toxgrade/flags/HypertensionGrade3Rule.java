package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hypertension-grade3} (docs/clinical-rules.md section 5; CTCAE v5 "Hypertension", grade
 * 3). Each reading is judged against the limit for the patient's age, sex and height on its day
 * ({@link HypertensionLimits}): adults systolic >= 160 or diastolic >= 100 mmHg, adolescents >= 140
 * or >= 90, children more than 5 mmHg above the 99th percentile of the Fourth Report. The flag
 * starts at a reading with either component reaching its limit and holds until a later reading
 * with both components charted and both below (a systolic alone cannot show that the diastolic
 * came down). Components charted as separate observations at one instant are read together. Seed
 * PRES case day 16: 187/109. Evidence: every hypertensive reading of the occurrence, the body height
 * a child's limit was read with, and how the limit was chosen.
 */
final class HypertensionGrade3Rule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.HYPERTENSION_GRADE3;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "Blood pressure at or above " + FlagRule.number(config.systolicThreshold()) + " systolic or "
                + FlagRule.number(config.diastolicThreshold()) + " diastolic mmHg (CTCAE v5 grade 3); holds until "
                + "a reading below both.";
    }

    @Override
    public String explanation(FlagConfig config, EpisodeView episode) {
        if (episode.adultLimitsAtInfusion()) {
            return explanation(config);
        }
        return "Blood pressure at CTCAE v5 grade 3 for the patient's age: children more than 5 mmHg above the 99th "
                + "percentile for age, sex and height (Fourth Report), adolescents from " + config.adolescentFromAge()
                + " years at or above 140 systolic or 90 diastolic, adults from " + config.adultFromAge()
                + " years at or above " + FlagRule.number(config.systolicThreshold()) + "/"
                + FlagRule.number(config.diastolicThreshold()) + " mmHg; holds until a reading below both.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        List<Stretch> result = new ArrayList<>();
        Instant start = null;
        List<String> ids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (BloodPressureReading r : episode.bloodPressures()) {
            HypertensionLimit limit = episode.hypertensionLimit(r.time());
            if (r.hypertensive(limit)) {
                if (start == null) {
                    start = r.time();
                    ids = new ArrayList<>();
                    notes = new ArrayList<>();
                }
                ids.addAll(r.factIds());
                ids.addAll(limit.factIds());
                notes.add(limit.note());
            } else if (start != null && r.belowHypertension(limit)) {
                result.add(new Stretch(start, r.time(), ids, List.of(), notes));
                start = null;
            }
        }
        if (start != null) {
            result.add(new Stretch(start, null, ids, List.of(), notes));
        }
        return result;
    }
}
