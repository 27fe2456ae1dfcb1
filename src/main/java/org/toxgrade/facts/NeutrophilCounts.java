package org.toxgrade.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.toxgrade.grading.icaht.AncValue;

/**
 * Absolute neutrophil counts among the laboratory results, normalised to 10*9/L for the ICAHT grading
 * (CLINICAL-SPEC section 9: "Counts normalised to 10*9/L (10*3/uL is the same number; /uL divide by 1000)").
 */
public final class NeutrophilCounts {

    /** LOINC 751-8 (neutrophils, automated count); 26499-4 and 753-4 are listed "(check)" in section 9. */
    static final Set<String> LOINC = Set.of("751-8", "26499-4", "753-4");

    /** UCUM codes of a count per volume, to 10*9/L: 1 uL = 1 mm3 = 10*-6 L. */
    private static final Map<String, Double> TO_GIGA_PER_LITRE = Map.of(
            "10*9/L", 1.0,
            "10*3/uL", 1.0,
            "10*3/mm3", 1.0,
            "/nL", 1.0,
            "10*6/L", 0.001,
            "/uL", 0.001,
            "/mm3", 0.001);

    private NeutrophilCounts() {
    }

    static boolean isNeutrophilCount(String loinc) {
        return LOINC.contains(loinc);
    }

    /** The count in 10*9/L; empty for a unit that is not a count per volume this table knows. */
    static OptionalDouble gigaPerLitre(double value, String ucum) {
        Double factor = TO_GIGA_PER_LITRE.get(ucum);
        return factor == null ? OptionalDouble.empty() : OptionalDouble.of(value * factor);
    }

    /**
     * The neutrophil counts among {@code facts}, in 10*9/L. The mapper refuses a count whose unit does not convert,
     * so every stored count converts.
     */
    public static List<AncValue> of(List<ContextFact> facts) {
        List<AncValue> counts = new ArrayList<>();
        for (ContextFact fact : facts) {
            if (fact instanceof LabResult lab && isNeutrophilCount(lab.loincCode())) {
                gigaPerLitre(lab.value(), lab.unit())
                        .ifPresent(v -> counts.add(new AncValue(lab.id(), lab.time(), v)));
            }
        }
        return counts;
    }
}
