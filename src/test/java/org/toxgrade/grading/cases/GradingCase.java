package org.toxgrade.grading.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.EpisodeFacts;
import org.toxgrade.grading.GradingConfig;

/**
 * One table-driven case from {@code src/test/resources/grading/*.json}. The format is described in
 * {@code src/test/resources/grading/README.md}.
 */
public record GradingCase(String file, String name, String rule, EpisodeFacts facts, GradingConfig config,
        Instant asOf, CaseClock clock, JsonNode expect) {

    static final String DEFAULT_INFUSION = "2024-03-04T10:00";
    static final String DEFAULT_AS_OF = "day 30 00:00";

    @Override
    public String toString() {
        return file + ": " + name;
    }

    /** All cases of all case files, in file order. */
    public static List<GradingCase> all() {
        ObjectMapper json = new ObjectMapper();
        List<GradingCase> cases = new ArrayList<>();
        for (Path file : CaseFiles.jsonFiles("grading")) {
            try {
                JsonNode root = json.readTree(file.toFile());
                for (JsonNode c : root.path("cases")) {
                    cases.add(read(file.getFileName().toString(), c));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file.toString(), e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad case in " + file + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    private static GradingCase read(String file, JsonNode c) {
        String name = required(c, "name");
        String rule = required(c, "rule");
        GradingConfig config = config(c.path("config"));
        CaseClock clock = new CaseClock(LocalDateTime.parse(c.path("infusion").asText(DEFAULT_INFUSION)),
                config.zone());
        EpisodeFacts facts = EpisodeFacts.builder(clock.infusionInstant())
                .birthDate(c.hasNonNull("birthDate") ? LocalDate.parse(c.get("birthDate").asText()) : null)
                .addAll(CaseFacts.read(c.path("facts"), clock))
                .build();
        Instant asOf = clock.parse(c.path("asOf").asText(DEFAULT_AS_OF));
        return new GradingCase(file, name, rule, facts, config, asOf, clock, c.path("expect"));
    }

    private static GradingConfig config(JsonNode c) {
        GradingConfig config = GradingConfig.defaults();
        if (c.hasNonNull("zone")) {
            config = config.withZone(ZoneId.of(c.get("zone").asText()));
        }
        if (c.hasNonNull("quietPeriodHours")) {
            config = config.withQuietPeriod(Duration.ofHours(c.get("quietPeriodHours").asLong()));
        }
        if (c.hasNonNull("feverLookBackHours")) {
            config = config.withFeverLookBack(Duration.ofHours(c.get("feverLookBackHours").asLong()));
        }
        if (c.hasNonNull("oxygenCarryForwardHours")) {
            config = config.withOxygenCarryForward(Duration.ofHours(c.get("oxygenCarryForwardHours").asLong()));
        }
        if (c.hasNonNull("sedationLookBackHours")) {
            config = config.withSedationLookBack(Duration.ofHours(c.get("sedationLookBackHours").asLong()));
        }
        if (c.hasNonNull("feverPairingWindowHours")) {
            config = config.withFeverPairingWindow(Duration.ofHours(c.get("feverPairingWindowHours").asLong()));
        }
        if (c.hasNonNull("sedationAfterInfusionHours")) {
            config = config.withSedationAfterInfusion(Duration.ofHours(c.get("sedationAfterInfusionHours").asLong()));
        }
        if (c.hasNonNull("iceConsciousnessPairingWindowMinutes")) {
            config = config.withIceConsciousnessPairingWindow(
                    Duration.ofMinutes(c.get("iceConsciousnessPairingWindowMinutes").asLong()));
        }
        if (c.hasNonNull("paediatricAgeCutoff")) {
            config = config.withPaediatricCutoff(c.get("paediatricAgeCutoff").asInt(),
                    c.path("paediatricCutoffInclusive").asBoolean(false));
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
