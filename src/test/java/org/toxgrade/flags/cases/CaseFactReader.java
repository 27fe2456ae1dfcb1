package org.toxgrade.flags.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.toxgrade.grading.cases.CaseClock;
import org.toxgrade.grading.cases.CaseFacts;
import org.toxgrade.grading.fact.Fact;

/**
 * Reads the {@code facts} array of a flag case: the fact format of
 * {@code src/test/resources/grading/README.md}, plus {@code "repeat": {"every": "6h", "until": time}}
 * on a {@code drug} to chart a regular regimen in one line (ids get {@code -1}, {@code -2}, ...).
 */
public final class CaseFactReader {

    private CaseFactReader() {
    }

    public static List<Fact> read(JsonNode facts, CaseClock time) {
        List<Fact> result = new ArrayList<>();
        int index = 0;
        for (JsonNode f : facts) {
            index++;
            String type = f.path("type").asText();
            String id = f.hasNonNull("id") ? f.get("id").asText() : "Observation/" + type + "-" + index;
            if (f.has("repeat")) {
                Instant at = time.parse(text(f, "at"));
                Instant until = time.parse(f.get("repeat").get("until").asText());
                Duration every = Duration.parse("PT" + f.get("repeat").get("every").asText());
                int n = 1;
                for (Instant t = at; !t.isAfter(until); t = t.plus(every)) {
                    result.add(fact(type, id + "-" + n++, t, f, time));
                }
            } else {
                result.add(fact(type, id, f.hasNonNull("at") ? time.parse(f.get("at").asText()) : null, f, time));
            }
        }
        return result;
    }

    private static Fact fact(String type, String id, Instant at, JsonNode f, CaseClock time) {
        return CaseFacts.fact(type, id, at, f, time::parse);
    }

    private static String text(JsonNode f, String field) {
        if (!f.hasNonNull(field)) {
            throw new IllegalArgumentException("missing '" + field + "' in " + f);
        }
        return f.get(field).asText();
    }
}
