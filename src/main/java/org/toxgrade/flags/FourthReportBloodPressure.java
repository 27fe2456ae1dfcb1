package org.toxgrade.flags;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The blood pressure percentiles of children and adolescents of the Fourth Report (NHBPEP,
 * Pediatrics 2004;114:555-576, Appendix B, Table B-1), shipped as data in
 * {@code /clinical-data/fourth-report-blood-pressure.json} with its source: for a boy or a girl of
 * {@code y} years with height z-score {@code Zht}, {@code mu = alpha + sum_j beta_j (y - 10)^j +
 * sum_k gamma_k Zht^k} (j, k = 1..4), and the 99th percentile {@code mu + 2.326 sigma}. The
 * printed Tables 3 and 4 give it truncated to whole mmHg, for the whole years 1 to 17;
 * {@link #printed99th} does the same, so that a limit reads as in the tables clinicians use.
 */
final class FourthReportBloodPressure {

    /** The first and last year of the tables. */
    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 17;

    /** Which pressure. */
    enum Component {
        SYSTOLIC, DIASTOLIC
    }

    private record Regression(double alpha, double[] beta, double[] gamma, double sigma) {

        double mean(int years, double zHeight) {
            double mu = alpha;
            for (int j = 0; j < 4; j++) {
                mu += beta[j] * Math.pow(years - 10, j + 1) + gamma[j] * Math.pow(zHeight, j + 1);
            }
            return mu;
        }
    }

    private static final FourthReportBloodPressure TABLES = load();

    private final double z99;
    private final Map<String, Regression> regressions;

    private FourthReportBloodPressure(double z99, Map<String, Regression> regressions) {
        this.z99 = z99;
        this.regressions = regressions;
    }

    static FourthReportBloodPressure tables() {
        return TABLES;
    }

    /** The 99th percentile, unrounded, for whole years 1-17; {@code male} false is a girl. */
    double percentile99(boolean male, Component component, int years, double zHeight) {
        if (years < FIRST_YEAR || years > LAST_YEAR) {
            throw new IllegalArgumentException("the Fourth Report tables cover 1 to 17 years");
        }
        Regression r = regressions.get(key(male, component));
        return r.mean(years, zHeight) + z99 * r.sigma();
    }

    /** The 99th percentile as the Fourth Report tables print it: truncated to whole mmHg. */
    int printed99th(boolean male, Component component, int years, double zHeight) {
        return (int) Math.floor(percentile99(male, component, years, zHeight) + 1e-9);
    }

    private static String key(boolean male, Component component) {
        return (male ? "boys" : "girls") + "/" + component;
    }

    private static FourthReportBloodPressure load() {
        Map<String, Object> data = JsonData
                .object(JsonData.resource("/clinical-data/fourth-report-blood-pressure.json"));
        Map<String, Regression> regressions = new HashMap<>();
        for (String sex : List.of("boys", "girls")) {
            Map<String, Object> tables = JsonData.object(data.get(sex));
            for (Component c : Component.values()) {
                Map<String, Object> t = JsonData.object(tables.get(c.name().toLowerCase(Locale.ROOT)));
                regressions.put(sex + "/" + c, new Regression(JsonData.number(t.get("alpha")),
                        numbers(t.get("beta")), numbers(t.get("gamma")), JsonData.number(t.get("sigma"))));
            }
        }
        return new FourthReportBloodPressure(JsonData.number(data.get("z99")), Map.copyOf(regressions));
    }

    private static double[] numbers(Object array) {
        List<Object> list = JsonData.array(array);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = JsonData.number(list.get(i));
        }
        if (out.length != 4) {
            throw new IllegalStateException("the Fourth Report regression has four coefficients per term");
        }
        return out;
    }
}
