package org.toxgrade.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.fact.NeuroImaging;
import org.toxgrade.grading.fact.NeuroImaging.Finding;

/**
 * The brain imaging findings reported at one instant, read as one study: a report may carry
 * several findings (oedema with haemorrhage, for instance).
 */
record ImagingStudy(Instant time, List<NeuroImaging> findings) {

    /** Episode imaging grouped by instant, in time order. */
    static List<ImagingStudy> of(EpisodeView episode) {
        return of(episode.episode(episode.facts().imaging()));
    }

    /** Imaging up to the end of the surveillance, grouped by instant, in time order. */
    static List<ImagingStudy> ofSurveillance(EpisodeView episode) {
        return of(episode.surveillance(episode.facts().imaging()));
    }

    private static List<ImagingStudy> of(List<NeuroImaging> imaging) {
        List<ImagingStudy> studies = new ArrayList<>();
        List<NeuroImaging> current = new ArrayList<>();
        for (NeuroImaging i : imaging) {
            if (!current.isEmpty() && !current.get(0).time().equals(i.time())) {
                studies.add(new ImagingStudy(current.get(0).time(), List.copyOf(current)));
                current.clear();
            }
            current.add(i);
        }
        if (!current.isEmpty()) {
            studies.add(new ImagingStudy(current.get(0).time(), List.copyOf(current)));
        }
        return studies;
    }

    boolean reports(Finding finding) {
        return findings.stream().anyMatch(i -> i.finding() == finding);
    }

    /** Focal or diffuse oedema, whatever else the study shows. */
    boolean reportsEdema() {
        return reports(Finding.FOCAL_EDEMA) || reports(Finding.DIFFUSE_EDEMA);
    }

    List<String> idsOf(Finding... wanted) {
        List<String> ids = new ArrayList<>();
        for (NeuroImaging i : findings) {
            for (Finding w : wanted) {
                if (i.finding() == w) {
                    ids.add(i.id());
                }
            }
        }
        return ids;
    }
}
