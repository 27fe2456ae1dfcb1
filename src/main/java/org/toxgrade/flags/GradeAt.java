package org.toxgrade.flags;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.toxgrade.grading.Syndrome;

/** A graded instant quoted as flag evidence: the syndrome, the assessment instant and its grade. */
public record GradeAt(Syndrome syndrome, Instant time, int grade) {

    /** Time first, then CRS before ICANS, then grade: the order evidence lists are kept in. */
    public static final Comparator<GradeAt> ORDER = Comparator.comparing(GradeAt::time)
            .thenComparing(GradeAt::syndrome)
            .thenComparingInt(GradeAt::grade);

    public GradeAt {
        Objects.requireNonNull(syndrome, "syndrome");
        Objects.requireNonNull(time, "time");
    }
}
