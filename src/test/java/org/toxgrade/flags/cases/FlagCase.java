package org.toxgrade.flags.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.flags.FlagConfig;
import org.toxgrade.flags.PatientContext;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.grading.cases.CaseClock;
import org.toxgrade.grading.cases.CaseFiles;
import org.toxgrade.grading.fact.Fact;

/**
 * One table-driven case from {@code src/test/resources/flags/*.json}; the format is described in
 * {@code src/test/resources/flags/README.md}.
 */
public record FlagCase(String file, String name, String rule, Instant infusion, LocalDate birthDate,
        PatientContext patient, List<Fact> facts, FlagConfig config, GradingConfig gradingConfig, Instant asOf,
        Instant gradingAsOf,
        CaseClock time,
        JsonNode expect, JsonNode absent, JsonNode tapers) {

    static final String DEFAULT_INFUSION = "2024-03-04T10:00";
    static final String DEFAULT_AS_OF = "day 30 00:00";

    @Override
    public String toString() {
        return file + ": " + name;
    }

    /** The case's facts, in the given order, as an episode. */
    public EpisodeFacts episode(List<Fact> inOrder) {
        return EpisodeFacts.builder(infusion).birthDate(birthDate).addAll(inOrder).build();
    }

    /** All cases of the table files directly under {@code flags/}; each must expect something. */
    public static List<FlagCase> all() {
        List<FlagCase> cases = new ArrayList<>();
        for (Path file : CaseFiles.jsonFiles("flags")) {
            for (FlagCase c : read(file)) {
                if (c.expect().isEmpty() && c.absent().isEmpty() && c.tapers() == null) {
                    throw new IllegalArgumentException("case expects nothing: " + c);
                }
                cases.add(c);
            }
        }
        return cases;
    }

    /** The cases of one file on the test classpath, e.g. {@code /flags/delayed.json}. */
    public static List<FlagCase> fromResource(String resource) {
        URL url = FlagCase.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no test resource " + resource);
        }
        try {
            return read(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FlagCase> read(Path file) {
        List<FlagCase> cases = new ArrayList<>();
        try {
            for (JsonNode c : new ObjectMapper().readTree(file.toFile()).path("cases")) {
                cases.add(read(file.getFileName().toString(), c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad case in " + file + ": " + e.getMessage(), e);
        }
        return cases;
    }

    private static FlagCase read(String file, JsonNode c) {
        String name = required(c, "name");
        String rule = required(c, "rule");
        JsonNode cfg = c.path("config");
        ZoneId zone = ZoneId.of(cfg.path("zone").asText("UTC"));
        CaseClock time = new CaseClock(LocalDateTime.parse(c.path("infusion").asText(DEFAULT_INFUSION)), zone);
        List<Fact> facts = CaseFactReader.read(c.path("facts"), time);
        Instant asOf = time.parse(c.path("asOf").asText(DEFAULT_AS_OF));
        Instant gradingAsOf = c.hasNonNull("gradingAsOf") ? time.parse(c.get("gradingAsOf").asText()) : asOf;
        return new FlagCase(file, name, rule, time.infusionInstant(),
                c.hasNonNull("birthDate") ? LocalDate.parse(c.get("birthDate").asText()) : null, patient(c, time),
                facts,
                config(cfg, zone), GradingConfig.defaults().withZone(zone), asOf, gradingAsOf, time, c.path("expect"),
                c.path("absent"), c.has("tapers") ? c.get("tapers") : null);
    }

    /** {@code sex} (MALE, FEMALE; absent: unknown) and {@code heights} ({@code {id, at, cm}}). */
    private static PatientContext patient(JsonNode c, CaseClock time) {
        PatientContext.Sex sex = c.hasNonNull("sex")
                ? PatientContext.Sex.valueOf(c.get("sex").asText())
                : PatientContext.Sex.UNKNOWN;
        List<PatientContext.Height> heights = new ArrayList<>();
        int n = 0;
        for (JsonNode h : c.path("heights")) {
            n++;
            heights.add(new PatientContext.Height(h.path("id").asText("Observation/height-" + n),
                    time.parse(h.get("at").asText()), h.get("cm").asDouble()));
        }
        return new PatientContext(sex, heights);
    }

    private static FlagConfig config(JsonNode c, ZoneId zone) {
        FlagConfig config = FlagConfig.defaults().withZone(zone);
        if (c.has("adolescentFromAge") || c.has("adultFromAge")) {
            config = config.withAgeGroups(c.path("adolescentFromAge").asInt(config.adolescentFromAge()),
                    c.path("adultFromAge").asInt(config.adultFromAge()));
        }
        if (c.has("systolic") || c.has("diastolic")) {
            config = config.withHypertensionThresholds(c.path("systolic").asDouble(config.systolicThreshold()),
                    c.path("diastolic").asDouble(config.diastolicThreshold()));
        }
        if (c.has("taperReboundWindowHours")) {
            config = config.withTaperReboundWindow(Duration.ofHours(c.get("taperReboundWindowHours").asLong()));
        }
        if (c.has("taperCourseGapHours")) {
            config = config.withTaperCourseGap(Duration.ofHours(c.get("taperCourseGapHours").asLong()));
        }
        if (c.has("taperTimingToleranceMinutes")) {
            config = config.withTaperTimingTolerance(
                    Duration.ofMinutes(c.get("taperTimingToleranceMinutes").asLong()));
        }
        if (c.has("taperMinimumFallPercent")) {
            config = config.withTaperMinimumFallPercent(c.get("taperMinimumFallPercent").asInt());
        }
        if (c.has("presWindowHours")) {
            config = config.withPresWindow(Duration.ofHours(c.get("presWindowHours").asLong()));
        }
        if (c.has("pointFindingHoldHours")) {
            config = config.withPointFindingHold(Duration.ofHours(c.get("pointFindingHoldHours").asLong()));
        }
        if (c.has("persistentFindingSilenceDays")) {
            config = config
                    .withPersistentFindingSilence(Duration.ofDays(c.get("persistentFindingSilenceDays").asLong()));
        }
        if (c.has("delayedAfterDay")) {
            config = config.withDelayedAfterDay(c.get("delayedAfterDay").asInt());
        }
        if (c.has("iceDropPoints")) {
            config = config.withIceDropPoints(c.get("iceDropPoints").asInt());
        }
        return config;
    }

    private static String required(JsonNode c, String field) {
        String value = c.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("case without '" + field + "': " + c);
        }
        return value;
    }
}
