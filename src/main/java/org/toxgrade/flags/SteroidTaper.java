package org.toxgrade.flags;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A corticosteroid taper of an episode as the {@code steroid-taper-rebound} rule sees it
 * (docs/clinical-rules.md section 5), for charts and tests; {@link FlagEngine#steroidTapers} lists them.
 *
 * @param start    the instant the taper was first seen
 * @param lastStep the instant of its last step: the same as {@code start} for a one-step taper
 * @param factIds  the corticosteroid administrations it was read from, in time order
 */
public record SteroidTaper(Instant start, Instant lastStep, List<String> factIds) {

    public SteroidTaper {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(lastStep, "lastStep");
        if (lastStep.isBefore(start)) {
            throw new IllegalArgumentException("a taper's last step cannot come before its start");
        }
        factIds = List.copyOf(factIds);
    }
}
