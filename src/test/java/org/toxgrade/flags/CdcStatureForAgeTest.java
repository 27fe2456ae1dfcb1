package org.toxgrade.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The shipped CDC 2000 stature-for-age LMS parameters against the percentiles the same CDC file
 * (statage.csv) publishes beside them: P3, P5, P50, P95 and P97 of a few rows, boys and girls, and
 * the z-score of the median.
 */
class CdcStatureForAgeTest {

    private static final double Z3 = -1.8807936;
    private static final double Z5 = -1.6448536;
    private static final double Z10 = -1.2815516;
    private static final double Z90 = 1.2815516;
    private static final double Z95 = 1.6448536;
    private static final double Z97 = 1.8807936;

    private final StatureForAge reference = StatureForAge.reference();

    @Test
    void boysPublishedPercentiles() {
        // statage.csv, Sex 1: Agemos 24 P3 79.91084447, P97 93.02265441; 120.5 P5 128.1624542;
        // 129.5 P97 155.8072211; 240 P95 188.5290125; 36.5 P97 102.940182.
        assertEquals(79.91084447, reference.stature(true, 24, Z3), 1e-4);
        assertEquals(93.02265441, reference.stature(true, 24, Z97), 1e-4);
        assertEquals(128.1624542, reference.stature(true, 120.5, Z5), 1e-4);
        assertEquals(155.8072211, reference.stature(true, 129.5, Z97), 1e-4);
        assertEquals(188.5290125, reference.stature(true, 240, Z95), 1e-4);
        assertEquals(102.940182, reference.stature(true, 36.5, Z97), 1e-4);
    }

    @Test
    void girlsPublishedPercentiles() {
        // statage.csv, Sex 2: Agemos 124.5 P5 128.9419168; 72.5 P90 121.8718331; 240 P10 155.0180729;
        // 36.5 P3 86.90307328.
        assertEquals(128.9419168, reference.stature(false, 124.5, Z5), 1e-4);
        assertEquals(121.8718331, reference.stature(false, 72.5, Z90), 1e-4);
        assertEquals(155.0180729, reference.stature(false, 240, Z10), 1e-4);
        assertEquals(86.90307328, reference.stature(false, 36.5, Z3), 1e-4);
    }

    @Test
    void theMedianIsZeroAndTheZScoreInvertsTheStature() {
        // statage.csv, Sex 1, Agemos 120.5: M 138.8234114; Sex 2, Agemos 72.5: M 115.0054978.
        assertEquals(0, reference.zScore(true, 120.5, 138.8234114), 1e-6);
        assertEquals(0, reference.zScore(false, 72.5, 115.0054978), 1e-6);
        assertEquals(Z95, reference.zScore(true, 120.5, reference.stature(true, 120.5, Z95)), 1e-9);
        // Between two tabulated ages the parameters are interpolated: 121 months lies between 120.5 and 121.5.
        double m121 = (138.8234114 + 139.2309592) / 2;
        assertEquals(0, reference.zScore(true, 121, m121), 1e-6);
    }

    @Test
    void theReferenceCoversTwoToTwentyYears() {
        assertThrows(IllegalArgumentException.class, () -> reference.zScore(true, 23.9, 85));
        assertThrows(IllegalArgumentException.class, () -> reference.zScore(false, 240.1, 160));
        assertEquals("50th", HypertensionLimits.percentile(0));
        assertEquals("95th", HypertensionLimits.percentile(Z95));
        assertEquals("3rd", HypertensionLimits.percentile(Z3));
    }
}
