package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.NeuroImaging.Finding;

/**
 * {@code cerebral-edema} (docs/clinical-rules.md section 5: "focal or diffuse oedema on imaging", ASTCT
 * raised ICP / cerebral oedema domain). Starts at a study that reports focal or diffuse oedema and
 * no intracranial haemorrhage: ASTCT excludes haemorrhage "with or without associated edema", and
 * the grading reads oedema reported with a haemorrhage as associated with it. Vasogenic oedema in a
 * PRES pattern is not this flag: it raises {@code pres-suspected}. Holds until a later study
 * reports no focal or diffuse oedema (a study with oedema and haemorrhage keeps it, the oedema is
 * still there). Clinical raised-ICP signs (papilloedema, posturing) grade ICANS 4 and so raise
 * {@code icans-high-grade}; this flag is about imaging. Evidence: the oedema findings.
 */
final class CerebralEdemaRule implements FlagRule {

    @Override
    public NeurotoxicityFlag flag() {
        return NeurotoxicityFlag.CEREBRAL_EDEMA;
    }

    @Override
    public String explanation(FlagConfig config) {
        return "Focal or diffuse cerebral oedema on brain imaging without intracranial haemorrhage (PRES-pattern "
                + "oedema is flagged as suspected PRES); holds until a later study shows no such oedema.";
    }

    @Override
    public List<Stretch> stretches(EpisodeView episode) {
        List<Stretch> result = new ArrayList<>();
        Instant start = null;
        List<String> ids = new ArrayList<>();
        for (ImagingStudy study : ImagingStudy.of(episode)) {
            boolean edema = study.reportsEdema();
            if (edema && !study.reports(Finding.INTRACRANIAL_HEMORRHAGE)) {
                if (start == null) {
                    start = study.time();
                    ids = new ArrayList<>();
                }
                ids.addAll(study.idsOf(Finding.FOCAL_EDEMA, Finding.DIFFUSE_EDEMA));
            } else if (start != null && !edema) {
                result.add(new Stretch(start, study.time(), ids, List.of()));
                start = null;
            }
        }
        if (start != null) {
            result.add(new Stretch(start, null, ids, List.of()));
        }
        return result;
    }
}
