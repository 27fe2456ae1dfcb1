package org.toxgrade.grading.crs;

import java.time.Duration;
import java.time.Instant;
import org.toxgrade.grading.CanonicalFacts;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.OxygenSupport;
import org.toxgrade.grading.timeline.FactIndex;

/**
 * ASTCT 2019 CRS hypoxia column, from the oxygen support holding at t (SpO2 never grades,
 * docs/clinical-rules.md section 2):
 * <ul>
 *   <li>grade 2 "low-flow nasal cannula or blow-by": nasal cannula at <= 6 L/min, or blow-by;</li>
 *   <li>grade 3 "high-flow nasal cannula, facemask, nonrebreather mask, or Venturi mask";</li>
 *   <li>grade 4 "positive pressure (eg, CPAP, BiPAP, intubation and mechanical ventilation)".</li>
 * </ul>
 * ASTCT footnote: "Low-flow nasal cannula is defined as oxygen delivered at <= 6 L/minute" and
 * high-flow as > 6 L/min, so for a nasal cannula a charted flow decides over the device label;
 * without a flow the label decides. Oxygen given for comfort only grades 0.
 *
 * <p>An oxygen observation holds until the next one, for at most the carry-forward window
 * (inclusive: an observation still holds exactly 12 h later by default). While one holds, the
 * domain is assessed (room air and comfort-only oxygen: grade 0); when none holds it is not
 * assessed and the rule returns {@code null}.
 */
final class HypoxiaRule {

    private final FactIndex<OxygenSupport> oxygen;
    private final FactIndex<OxygenSupport>.Cursor cursor;
    private final Duration carryForward;
    private final double lowFlowMax;

    HypoxiaRule(FactIndex<OxygenSupport> oxygen, Duration carryForward, double lowFlowMax) {
        this.oxygen = oxygen;
        this.cursor = oxygen.cursor();
        this.carryForward = carryForward;
        this.lowFlowMax = lowFlowMax;
    }

    /** The hypoxia domain at {@code t}; instants must be asked for in ascending order. */
    Finding grade(Instant t, EvidenceCollector evidence) {
        int last = cursor.lastIndexAtOrBefore(t);
        if (last < 0) {
            return null;
        }
        Instant time = oxygen.timeAt(last);
        if (t.isAfter(time.plus(carryForward))) {
            return null;
        }
        int first = last;
        while (first > 0 && oxygen.timeAt(first - 1).equals(time)) {
            first--;
        }
        Finding worst = null;
        for (int i = first; i <= last; i++) {
            OxygenSupport o = oxygen.get(i);
            Finding f = grade(o, evidence);
            if (f == null) {
                f = Finding.nothingFound(Domain.HYPOXIA);
            }
            if (worst == null || f.grade() > worst.grade()) {
                worst = f;
            }
        }
        return worst;
    }

    private Finding grade(OxygenSupport o, EvidenceCollector evidence) {
        if (o.forComfortOnly()) {
            evidence.note(Note.of(NoteCode.COMFORT_OXYGEN_NOT_GRADED,
                    "oxygen given for comfort only, without hypoxia: not graded", o.id()));
            return null;
        }
        switch (o.device()) {
            case ROOM_AIR:
                return null;
            case BLOW_BY:
                return Finding.of(Domain.HYPOXIA, 2, RuleIds.CRS_HYPOXIA_LOW_FLOW, o.id());
            case LOW_FLOW_NASAL_CANNULA:
            case HIGH_FLOW_NASAL_CANNULA:
                return nasalCannula(o, evidence);
            case FACE_MASK:
            case NON_REBREATHER_MASK:
            case VENTURI_MASK:
                return Finding.of(Domain.HYPOXIA, 3, RuleIds.CRS_HYPOXIA_HIGH_FLOW, o.id());
            case CPAP:
            case BIPAP:
            case MECHANICAL_VENTILATION:
                return Finding.of(Domain.HYPOXIA, 4, RuleIds.CRS_HYPOXIA_POSITIVE_PRESSURE, o.id());
            default:
                throw new IllegalStateException("unhandled oxygen device " + o.device());
        }
    }

    private Finding nasalCannula(OxygenSupport o, EvidenceCollector evidence) {
        boolean labelledHighFlow = o.device() == OxygenSupport.Device.HIGH_FLOW_NASAL_CANNULA;
        boolean highFlow = o.litresPerMinute() == null
                ? labelledHighFlow
                : o.litresPerMinute() > lowFlowMax + CanonicalFacts.EPSILON;
        if (highFlow != labelledHighFlow) {
            evidence.note(Note.of(NoteCode.FLOW_DECIDES_NASAL_CANNULA, "nasal cannula at " + o.litresPerMinute()
                    + " L/min is " + (highFlow ? "high" : "low") + " flow by the ASTCT definition (> "
                    + lowFlowMax + " L/min is high flow), whatever the device label", o.id()));
        }
        return highFlow
                ? Finding.of(Domain.HYPOXIA, 3, RuleIds.CRS_HYPOXIA_HIGH_FLOW, o.id())
                : Finding.of(Domain.HYPOXIA, 2, RuleIds.CRS_HYPOXIA_LOW_FLOW, o.id());
    }
}
