package org.toxgrade.episode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.toxgrade.facts.CarTInfusion;

/**
 * Divides a patient's time line into episodes (docs/clinical-rules.md section 1): each infusion starts one;
 * its grading window ends when the monitoring window closes (the end of day N in the facility time
 * zone), its neurological surveillance when the surveillance window closes (the end of day M >= N),
 * each at the next infusion at the latest. Baseline facts are those within the baseline window
 * before the infusion, but never before the previous infusion (the previous episode's facts are not
 * a baseline). Pure and order-independent: infusions are sorted by time, then by source.
 */
public final class EpisodePlanner {

    private final EpisodeConfig config;
    private final ZoneId zone;

    public EpisodePlanner(EpisodeConfig config, ZoneId zone) {
        this.config = Objects.requireNonNull(config, "config");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public List<EpisodeWindow> plan(String patient, List<CarTInfusion> infusions) {
        List<CarTInfusion> sorted = infusions.stream()
                .sorted(Comparator.comparing(CarTInfusion::time).thenComparing(CarTInfusion::id))
                .toList();
        List<EpisodeWindow> windows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CarTInfusion infusion = sorted.get(i);
            Instant next = i + 1 < sorted.size() ? sorted.get(i + 1).time() : null;
            Instant end = endOfDay(infusion, config.monitoringDays(), next);
            Instant surveillanceEnd = endOfDay(infusion, config.neuroSurveillanceDays(), next);
            Instant baselineFrom = infusion.time().minus(config.baselineWindow());
            if (i > 0 && baselineFrom.isBefore(sorted.get(i - 1).time())) {
                baselineFrom = sorted.get(i - 1).time();
            }
            windows.add(new EpisodeWindow(key(patient, infusion.id()), i + 1, infusion.id(), infusion.time(),
                    baselineFrom, end, surveillanceEnd));
        }
        return windows;
    }

    /** The start of the day after episode day {@code day}, or the next infusion if that comes first. */
    private Instant endOfDay(CarTInfusion infusion, int day, Instant next) {
        Instant end = infusion.time().atZone(zone).toLocalDate().plusDays(day + 1L).atStartOfDay(zone).toInstant();
        return next != null && next.isBefore(end) ? next : end;
    }

    /** {@code ep-} and 16 hex digits of SHA-256 over patient and infusion source: stable, and no id in clear. */
    static String key(String patient, String infusionSource) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((patient + "|" + infusionSource).getBytes(StandardCharsets.UTF_8));
            return "ep-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
