package org.toxgrade.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CDC 2000 stature-for-age reference (2 to 20 years), shipped as data in
 * {@code /clinical-data/cdc-2000-stature-for-age.json} with its source: the height z-score of a
 * child for age and sex, from the LMS parameters, {@code Z = ((X / M)^L - 1) / (L * S)}, the
 * parameters interpolated linearly between the tabulated ages. The Fourth Report's regression
 * (its Appendix B) takes a child's height z-score for age and sex from these charts.
 */
final class StatureForAge {

    /** The youngest and oldest age of the reference, in months. */
    static final double FIRST_MONTH = 24;
    static final double LAST_MONTH = 240;

    private record Row(double months, double l, double m, double s) {
    }

    private static final StatureForAge REFERENCE = load();

    private final List<Row> boys;
    private final List<Row> girls;

    private StatureForAge(List<Row> boys, List<Row> girls) {
        this.boys = boys;
        this.girls = girls;
    }

    static StatureForAge reference() {
        return REFERENCE;
    }

    /**
     * The height z-score of a boy or a girl of {@code months} (24 to 240) measuring {@code cm};
     * {@code male} false is a girl.
     */
    double zScore(boolean male, double months, double cm) {
        if (months < FIRST_MONTH || months > LAST_MONTH) {
            throw new IllegalArgumentException("the stature-for-age reference covers 24 to 240 months");
        }
        double[] lms = lms(male ? boys : girls, months);
        double l = lms[0];
        double m = lms[1];
        double s = lms[2];
        return Math.abs(l) < 1e-9 ? Math.log(cm / m) / s : (Math.pow(cm / m, l) - 1) / (l * s);
    }

    /** The stature at a z-score, for tests against the published percentile columns. */
    double stature(boolean male, double months, double z) {
        double[] lms = lms(male ? boys : girls, months);
        return Math.abs(lms[0]) < 1e-9
                ? lms[1] * Math.exp(lms[2] * z)
                : lms[1] * Math.pow(1 + lms[0] * lms[2] * z, 1 / lms[0]);
    }

    private static double[] lms(List<Row> rows, double months) {
        for (int i = 1; i < rows.size(); i++) {
            Row a = rows.get(i - 1);
            Row b = rows.get(i);
            if (months <= b.months()) {
                double f = (months - a.months()) / (b.months() - a.months());
                return new double[]{a.l() + f * (b.l() - a.l()), a.m() + f * (b.m() - a.m()),
                        a.s() + f * (b.s() - a.s())};
            }
        }
        Row last = rows.get(rows.size() - 1);
        return new double[]{last.l(), last.m(), last.s()};
    }

    private static StatureForAge load() {
        Map<String, Object> data = JsonData.object(JsonData.resource("/clinical-data/cdc-2000-stature-for-age.json"));
        return new StatureForAge(rows(data.get("boys")), rows(data.get("girls")));
    }

    private static List<Row> rows(Object table) {
        List<Row> rows = new ArrayList<>();
        for (Object row : JsonData.array(table)) {
            List<Object> v = JsonData.array(row);
            rows.add(new Row(JsonData.number(v.get(0)), JsonData.number(v.get(1)), JsonData.number(v.get(2)),
                    JsonData.number(v.get(3))));
        }
        return List.copyOf(rows);
    }
}
