package org.toxgrade.flags;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One stretch of time during which a flag's rule held (docs/clinical-rules.md section 5). A flag that
 * stops holding and later holds again has a second occurrence with its own period.
 *
 * @param occurrence 1 for the first time the flag fired in the episode, then 2, 3, ...
 * @param start      the instant the rule first held
 * @param end        the instant the rule stopped holding; {@code null} while {@link FlagStatus#ACTIVE}
 */
public record FlagOccurrence(NeurotoxicityFlag flag, FlagPriority priority, int occurrence, Instant start,
        Instant end, FlagStatus status, FlagEvidence evidence) {

    /** The order {@link FlagEngine#evaluate} returns: flag in CodeSystem order, then occurrence. */
    public static final Comparator<FlagOccurrence> ORDER = Comparator.comparing(FlagOccurrence::flag)
            .thenComparingInt(FlagOccurrence::occurrence);

    public FlagOccurrence {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evidence, "evidence");
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence numbers start at 1");
        }
        if ((status == FlagStatus.ACTIVE) != (end == null)) {
            throw new IllegalArgumentException("an active flag has no end, an inactive one has: " + flag);
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("flag ends before it starts: " + flag);
        }
    }

    public boolean active() {
        return status == FlagStatus.ACTIVE;
    }
}
