package org.toxgrade.grading;

import java.time.Instant;
import java.util.Optional;

/**
 * The worst grade of the episode, the figure registries report (CLINICAL-SPEC section 4), with the
 * first instant that reached it; no instant when nothing was assessed.
 */
public record PeakGrade(int grade, Optional<Instant> at) {

    public static final PeakGrade NOT_ASSESSED = new PeakGrade(0, Optional.empty());
}
