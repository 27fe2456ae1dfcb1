package org.toxgrade.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.flags.FourthReportBloodPressure.Component;

/**
 * The shipped regression of the Fourth Report (Appendix B, Table B-1) against the 99th percentiles
 * its Tables 3 (boys) and 4 (girls) print, ages 1-17 at the height percentiles 5 to 95
 * ({@code src/test/resources/paediatric-bp/fourth-report-99th-percentiles.txt}, with its source).
 */
class FourthReportBloodPressureTest {

    /** The height columns of the tables and their z-scores. */
    private static final int[] HEIGHT_PERCENTILES = {5, 10, 25, 50, 75, 90, 95};
    private static final double[] HEIGHT_Z = {-1.6448536, -1.2815516, -0.6744898, 0, 0.6744898, 1.2815516, 1.6448536};

    private final FourthReportBloodPressure tables = FourthReportBloodPressure.tables();

    @Test
    void aTenYearOldBoyAtThe50thHeightPercentile() {
        // Table 3, boys 10 years, 50th height percentile, 99th percentile: 127 / 88 mmHg.
        assertEquals(127, tables.printed99th(true, Component.SYSTOLIC, 10, 0));
        assertEquals(88, tables.printed99th(true, Component.DIASTOLIC, 10, 0));
        // mu + 2.326 sigma: 102.19768 + 2.326 x 10.7128 = 127.116; 61.01217 + 2.326 x 11.6032 = 88.001.
        assertEquals(127.116, tables.percentile99(true, Component.SYSTOLIC, 10, 0), 0.001);
        assertEquals(88.001, tables.percentile99(true, Component.DIASTOLIC, 10, 0), 0.001);
    }

    @Test
    void aSixYearOldGirlAtThe50thHeightPercentile() {
        // Table 4, girls 6 years, 50th height percentile, 99th percentile: 119 / 81 mmHg.
        assertEquals(119, tables.printed99th(false, Component.SYSTOLIC, 6, 0));
        assertEquals(81, tables.printed99th(false, Component.DIASTOLIC, 6, 0));
    }

    @Test
    void everyPrinted99thPercentileIsTheRegressionTruncated() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (String line : rows()) {
            String[] v = line.split(" ");
            boolean male = v[0].equals("boys");
            int age = Integer.parseInt(v[1]);
            for (int h = 0; h < HEIGHT_PERCENTILES.length; h++) {
                for (Component c : Component.values()) {
                    int printed = Integer.parseInt(v[2 + h + (c == Component.SYSTOLIC ? 0 : 7)]);
                    double computed = tables.percentile99(male, c, age, HEIGHT_Z[h]);
                    cells++;
                    // The tables truncate mu + 2.326 sigma; a value within 0.01 mmHg below a whole
                    // number was printed as that number (z-scores rounded in the tables' making).
                    if (computed < printed - 0.01 || computed >= printed + 1) {
                        mismatches.add(v[0] + " " + age + "y height " + HEIGHT_PERCENTILES[h] + " " + c + ": printed "
                                + printed + ", computed " + computed);
                    }
                }
            }
        }
        assertEquals(2 * 17 * 7 * 2, cells);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theTablesCoverOneToSeventeenYears() {
        assertTrue(tables.printed99th(false, Component.SYSTOLIC, 17, 0) > tables.printed99th(false,
                Component.SYSTOLIC, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> tables.percentile99(true, Component.SYSTOLIC, 18, 0));
    }

    private static List<String> rows() throws IOException {
        try (InputStream in = FourthReportBloodPressureTest.class
                .getResourceAsStream("/paediatric-bp/fourth-report-99th-percentiles.txt")) {
            List<String> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("sex")) {
                    rows.add(line.trim());
                }
            }
            return rows;
        }
    }
}
