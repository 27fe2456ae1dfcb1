package org.toxgrade.flags;

import java.time.Duration;
import java.util.List;

/** One flag's rule: when it holds, as stretches of time with their evidence. */
interface FlagRule {

    NeurotoxicityFlag flag();

    /** The rule in one sentence, for the clinician reading the flag. */
    String explanation(FlagConfig config);

    /** The stretches during which the rule held; they may overlap, {@link Occurrences} merges them. */
    List<Stretch> stretches(EpisodeView episode);

    /**
     * Whether the rule follows neurological findings past the grading window, up to the end of the
     * surveillance ({@code delayed-neurotoxicity}, {@code peripheral-neurotoxicity}, docs/clinical-rules.md
     * section 1); the others end with the grading window.
     */
    default boolean followsSurveillance() {
        return false;
    }

    /** A duration as a clinician writes it: {@code 72 h}, {@code 14 days}, {@code 90 min}. */
    static String words(Duration d) {
        if (d.toHours() >= 96 && d.toHours() % 24 == 0) {
            return d.toDays() + " days";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }

    /** A threshold as a clinician writes it: {@code 160}, {@code 159.5}. */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
