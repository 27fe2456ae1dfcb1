package org.toxgrade.grading.icans;

import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.Domain;
import org.toxgrade.grading.EvidenceCollector;
import org.toxgrade.grading.Finding;
import org.toxgrade.grading.Note;
import org.toxgrade.grading.NoteCode;
import org.toxgrade.grading.RuleIds;
import org.toxgrade.grading.fact.IcpSign;
import org.toxgrade.grading.fact.MotorFinding;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.OtherNeuroFinding;
import org.toxgrade.grading.fact.Seizure;

/**
 * The seizure, motor and raised ICP / cerebral oedema domains of ASTCT 2019 ICANS, and the
 * findings that look neurological but must not change the grade. All are point findings. A domain
 * is assessed where one of its observations was charted: a seizure, a deep focal weakness, a
 * neuroimaging report (a normal one included) or an ICP sign; a {@code null} finding means not
 * assessed.
 */
final class NeurologicalSigns {

    private NeurologicalSigns() {
    }

    /**
     * Grade 3: "any clinical seizure focal or generalized that resolves rapidly or nonconvulsive
     * seizures on EEG that resolve with intervention". Grade 4: "life-threatening prolonged seizure
     * (>5 min); or repetitive clinical or electrical seizures without return to baseline".
     */
    static Finding seizure(List<Seizure> seizures) {
        Finding worst = null;
        for (Seizure s : seizures) {
            Finding f = s.kind() == Seizure.Kind.PROLONGED_OR_REPETITIVE
                    ? Finding.of(Domain.SEIZURE, 4, RuleIds.ICANS_SEIZURE_PROLONGED, s.id())
                    : Finding.of(Domain.SEIZURE, 3, RuleIds.ICANS_SEIZURE_RESOLVING, s.id());
            if (worst == null || f.grade() > worst.grade()) {
                worst = f;
            }
        }
        return worst;
    }

    /**
     * Grade 4: "deep focal motor weakness such as hemiparesis or paraparesis". Limb weakness is
     * not an ASTCT motor finding; it is left to the peripheral-neurotoxicity flag, and on its own it
     * is not an ICANS assessment ({@code null}: the motor domain is not assessed).
     */
    static Finding motor(List<MotorFinding> findings, EvidenceCollector evidence) {
        Finding worst = null;
        for (MotorFinding m : findings) {
            if (m.kind() == MotorFinding.Kind.DEEP_FOCAL_WEAKNESS) {
                if (worst == null) {
                    worst = Finding.of(Domain.MOTOR, 4, RuleIds.ICANS_MOTOR_DEEP_FOCAL, m.id());
                }
            } else {
                evidence.note(Note.of(NoteCode.FINDING_OUTSIDE_ICANS,
                        "limb weakness is not deep focal weakness: does not grade ICANS", m.id()));
            }
        }
        return worst;
    }

    /**
     * Grade 3 "focal/local edema on neuroimaging"; grade 4 "diffuse cerebral edema on neuroimaging;
     * decerebrate or decorticate posturing; or cranial nerve VI palsy; or papilledema; or Cushing's
     * triad". ASTCT: "Intracranial hemorrhage with or without associated edema is not considered a
     * neurotoxicity feature and is excluded from ICANS grading", so oedema reported at the same
     * instant as a haemorrhage is treated as associated and excluded; clinical ICP signs still grade.
     * Vasogenic oedema in a PRES pattern is attributed to PRES, a separate diagnosis (the PRES seed
     * case graded ICANS 1 on day 15 on ICE 9 despite new FLAIR lesions).
     */
    static Finding raisedIcp(List<NeuroImaging> imaging, List<IcpSign> signs, EvidenceCollector evidence) {
        List<String> haemorrhages = new ArrayList<>(0);
        for (NeuroImaging i : imaging) {
            if (i.finding() == NeuroImaging.Finding.INTRACRANIAL_HEMORRHAGE) {
                haemorrhages.add(i.id());
            }
        }
        Finding worst = null;
        for (NeuroImaging i : imaging) {
            Finding f = null;
            switch (i.finding()) {
                case FOCAL_EDEMA:
                case DIFFUSE_EDEMA:
                    if (haemorrhages.isEmpty()) {
                        f = i.finding() == NeuroImaging.Finding.FOCAL_EDEMA
                                ? Finding.of(Domain.RAISED_ICP, 3, RuleIds.ICANS_EDEMA_FOCAL, i.id())
                                : Finding.of(Domain.RAISED_ICP, 4, RuleIds.ICANS_EDEMA_DIFFUSE, i.id());
                    } else {
                        evidence.note(Note.of(NoteCode.HEMORRHAGE_EXCLUDED, "oedema reported with intracranial "
                                + "haemorrhage is excluded from ICANS grading (ASTCT 2019)", i.id()));
                    }
                    break;
                case INTRACRANIAL_HEMORRHAGE:
                    evidence.note(Note.of(NoteCode.HEMORRHAGE_EXCLUDED,
                            "intracranial haemorrhage is excluded from ICANS grading (ASTCT 2019)", i.id()));
                    break;
                case VASOGENIC_EDEMA_PRES_PATTERN:
                    evidence.note(Note.of(NoteCode.PRES_PATTERN_NOT_GRADED, "vasogenic oedema in a PRES pattern "
                            + "is attributed to PRES, a separate diagnosis: does not grade ICANS", i.id()));
                    break;
                default:
                    break;
            }
            if (f != null && (worst == null || f.grade() > worst.grade())) {
                worst = f;
            }
        }
        if (!signs.isEmpty()) {
            List<String> ids = new ArrayList<>(signs.size());
            signs.forEach(s -> ids.add(s.id()));
            Finding clinical = new Finding(Domain.RAISED_ICP, 4, ids, List.of(RuleIds.ICANS_ICP_SIGN));
            if (worst == null || worst.grade() < 4) {
                return clinical;
            }
            List<String> all = new ArrayList<>(worst.factIds());
            all.addAll(ids);
            List<String> rules = new ArrayList<>(worst.ruleIds());
            rules.add(RuleIds.ICANS_ICP_SIGN);
            return new Finding(Domain.RAISED_ICP, 4, all, rules);
        }
        if (worst == null && !imaging.isEmpty()) {
            // Imaging was read: the oedema domain is assessed even when nothing in it grades.
            return Finding.nothingFound(Domain.RAISED_ICP);
        }
        return worst;
    }

    /** Tremor and myoclonus are graded by CTCAE only (ASTCT 2019); the rest belong to the flags. */
    static void noteUngradedFindings(List<OtherNeuroFinding> findings, EvidenceCollector evidence) {
        for (OtherNeuroFinding f : findings) {
            if (f.kind() == OtherNeuroFinding.Kind.TREMOR || f.kind() == OtherNeuroFinding.Kind.MYOCLONUS) {
                evidence.note(Note.of(NoteCode.CTCAE_ONLY_FINDING,
                        "tremor and myoclonus are graded by CTCAE and do not change the ICANS grade", f.id()));
            } else {
                evidence.note(Note.of(NoteCode.FINDING_OUTSIDE_ICANS,
                        f.kind().name().toLowerCase() + " is not an ASTCT ICANS domain", f.id()));
            }
        }
    }
}
