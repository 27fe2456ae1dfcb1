package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hypertension-grade3} (docs/clinical-rules.md section 5; CTCAE v5 adult hypertension grade 3:
 * systolic >= 160 or diastolic >= 100 mmHg). Starts at a reading with either component at or
 * above its threshold and holds until a later reading with both components charted and both
 * below (a systolic alone cannot show that the diastolic came down). Components charted as
 * separate observations at one instant are read together. Seed PRES case day 16: 187/109.
 * Evidence: every hypertensive reading of the occurrence.
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
    public List<Stretch> stretches(EpisodeView episode) {
        FlagConfig config = episode.config();
        List<Stretch> result = new ArrayList<>();
        Instant start = null;
        List<String> ids = new ArrayList<>();
        for (BloodPressureReading r : episode.bloodPressures()) {
            if (r.hypertensive(config)) {
                if (start == null) {
                    start = r.time();
                    ids = new ArrayList<>();
                }
                ids.addAll(r.factIds());
            } else if (start != null && r.belowHypertension(config)) {
                result.add(new Stretch(start, r.time(), ids, List.of()));
                start = null;
            }
        }
        if (start != null) {
            result.add(new Stretch(start, null, ids, List.of()));
        }
        return result;
    }
}
