package org.toxgrade.grading.icaht;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxgrade.grading.fact.DrugDose;
import org.toxgrade.grading.timeline.EpisodeClock;

/** Walks {@code src/test/resources/icaht/icaht-cases.json} (its {@code about} says the format) and checks each case. */
class IcahtCaseTableTest {

    private static final LocalDateTime INFUSION = LocalDateTime.parse("2024-03-04T10:00");
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final EpisodeClock CLOCK = new EpisodeClock(ZONE, INFUSION.atZone(ZONE).toInstant(), null);
    private static final String NOT_ASSESSED = "not-assessed";

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = IcahtCaseTableTest.class.getResourceAsStream("/icaht/icaht-cases.json")) {
            JsonNode table = new ObjectMapper().readTree(in);
            List<Arguments> cases = new ArrayList<>();
            table.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradesAsTheCaseExpects(String name, JsonNode c) {
        assertTrue(c.path("source").asText().length() > 10, name + ": every case cites its source");
        IcahtGrading grading = new IcahtGrader(config(c.path("config")), CLOCK).grade(counts(c), gcsf(c),
                at(c.path("asOf").asText()));
        JsonNode expect = c.path("expect");
        assertTrue(expect.has("early") || expect.has("late"), name + ": case expects nothing");
        check(name, grading.early(), expect.path("early"));
        check(name, grading.late(), expect.path("late"));
        for (Iterator<Map.Entry<String, JsonNode>> days = expect.path("days").fields(); days.hasNext();) {
            Map.Entry<String, JsonNode> day = days.next();
            IcahtDay actual = grading.day(Integer.parseInt(day.getKey())).orElseThrow();
            assertEquals(grade(day.getValue()), actual.grade(), name + ": day " + day.getKey());
        }
    }

    private static void check(String name, IcahtGrade actual, JsonNode e) {
        if (e.isMissingNode()) {
            return;
        }
        String what = name + " [" + actual.phase() + "] " + actual;
        assertEquals(grade(e.path("grade")), actual.grade(), what);
        if (e.has("periods")) {
            List<List<Integer>> periods = new ArrayList<>();
            for (NeutropenicPeriod p : actual.periods()) {
                List<Integer> row = new ArrayList<>(List.of(p.firstDay(), p.lastDay()));
                row.add(p.recoveryDay().isPresent() ? p.recoveryDay().getAsInt() : null);
                periods.add(row);
            }
            List<List<Integer>> wanted = new ArrayList<>();
            for (JsonNode p : e.get("periods")) {
                List<Integer> row = new ArrayList<>(List.of(p.get(0).asInt(), p.get(1).asInt()));
                row.add(p.get(2).isNull() ? null : p.get(2).asInt());
                wanted.add(row);
            }
            assertEquals(wanted, periods, what);
        }
        if (e.has("days")) {
            assertEquals(e.get("days").asInt(), actual.neutropenicDays(), what);
        }
        if (e.has("severeDays")) {
            assertEquals(e.get("severeDays").asInt(), actual.severeDays(), what);
        }
        if (e.has("neverRecovered")) {
            assertEquals(e.get("neverRecovered").asBoolean(), actual.neverRecovered(), what);
        }
        if (e.has("resolved")) {
            assertEquals(e.get("resolved").asBoolean(), actual.resolved(), what);
        }
        if (e.has("confirmed")) {
            assertEquals(e.get("confirmed").asBoolean(), actual.confirmed(), what);
        }
        if (e.has("gcsf")) {
            assertEquals(e.get("gcsf").asInt(), actual.gcsfIds().size(), what);
        }
        if (e.has("note")) {
            assertTrue(actual.notes().stream().anyMatch(n -> n.contains(e.get("note").asText())), what);
        }
        if (actual.positive()) {
            assertTrue(actual.onset().isPresent() && !actual.ancIds().isEmpty() && !actual.ruleIds().isEmpty(),
                    what + ": a positive grade has its onset, counts and rule");
        }
    }

    private static OptionalInt grade(JsonNode node) {
        return NOT_ASSESSED.equals(node.asText()) ? OptionalInt.empty() : OptionalInt.of(node.asInt());
    }

    private static IcahtConfig config(JsonNode c) {
        IcahtConfig d = IcahtConfig.defaults();
        return new IcahtConfig(c.path("neutropeniaThreshold").asDouble(d.neutropeniaThreshold()),
                c.path("severeThreshold").asDouble(d.severeThreshold()),
                c.path("severeInclusive").asBoolean(d.severeInclusive()),
                c.path("recoveryDays").asInt(d.recoveryDays()),
                PeriodJoin.valueOf(c.path("periodJoin").asText(d.periodJoin().name())), d.earlyLastDay(),
                d.lateLastDay());
    }

    private static List<AncValue> counts(JsonNode c) {
        List<AncValue> counts = new ArrayList<>();
        JsonNode daily = c.path("daily");
        int from = daily.path("from").asInt();
        int i = 0;
        for (JsonNode v : daily.path("values")) {
            int day = from + i++;
            if (!v.isNull()) {
                counts.add(new AncValue("Observation/anc-d" + day, at("day " + day + " 06:00"), v.asDouble()));
            }
        }
        int n = 0;
        for (JsonNode extra : c.path("counts")) {
            counts.add(new AncValue("Observation/anc-extra-" + n++, at(extra.get("at").asText()),
                    extra.get("value").asDouble()));
        }
        return counts;
    }

    private static List<DrugDose> gcsf(JsonNode c) {
        List<DrugDose> doses = new ArrayList<>();
        int n = 0;
        for (JsonNode at : c.path("gcsf")) {
            doses.add(new DrugDose("MedicationAdministration/gcsf-" + n++, at(at.asText()), DrugDose.Category.G_CSF,
                    "filgrastim", null, null));
        }
        return doses;
    }

    /** "day N HH:MM": local time on calendar day N after the infusion date. */
    private static Instant at(String text) {
        String[] parts = text.split(" ");
        return INFUSION.toLocalDate().plusDays(Integer.parseInt(parts[1])).atTime(LocalTime.parse(parts[2]))
                .atZone(ZONE).toInstant();
    }
}
