package org.toxgrade.support;

import static org.toxgrade.support.Api.asEhr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hamcrest.Matchers;

/**
 * The seed case reports as FHIR Bundles ({@code src/test/resources/seeds/<case>/day-NNN.json}), and
 * the ways an EHR might deliver them.
 */
public final class SeedCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedCases() {
    }

    /** The day Bundles of a case, in day order. */
    public static List<String> days(String seedCase) {
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "seeds", seedCase))) {
            List<String> days = new ArrayList<>();
            for (Path file : files.filter(p -> p.getFileName().toString().matches("day-\\d+\\.json")).sorted()
                    .toList()) {
                days.add(Files.readString(file));
            }
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same case for another patient: every id with the prefix gets the new one. */
    public static List<String> renamed(List<String> days, String fromPrefix, String toPrefix) {
        return days.stream()
                .map(d -> d.replace("\"" + fromPrefix, "\"" + toPrefix).replace("/" + fromPrefix, "/" + toPrefix))
                .toList();
    }

    /** Posts each Bundle and fails unless the server answers 200 with no refused entry. */
    public static void post(List<String> bundles) {
        for (String bundle : bundles) {
            asEhr().contentType("application/fhir+json").body(bundle).when().post("/fhir")
                    .then().statusCode(200)
                    .body("entry.response.status", Matchers.everyItem(
                            Matchers.anyOf(Matchers.startsWith("200"),
                                    Matchers.startsWith("201"))));
        }
    }

    /** All resources of all days in one collection Bundle (for {@code $grade}). */
    public static String asCollection(List<String> days) {
        try {
            ObjectNode collection = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
            ArrayNode entries = collection.putArray("entry");
            for (String day : days) {
                for (JsonNode entry : JSON.readTree(day).path("entry")) {
                    entries.addObject().set("resource", entry.path("resource"));
                }
            }
            return JSON.writeValueAsString(collection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string that is a FHIR date or dateTime and nothing else. */
    private static final Pattern DATE_VALUE = Pattern.compile(
            "\"(\\d{4}-\\d{2}-\\d{2})((T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:\\d{2})?)\"");

    /**
     * The same case moved in time by whole days: every date and dateTime value (the birth date too, so ages
     * stay) gets {@code days} more, times of day and offsets kept. A case of the past becomes one in
     * monitoring now.
     */
    public static List<String> shifted(List<String> bundles, long days) {
        return bundles.stream().map(b -> DATE_VALUE.matcher(b).replaceAll(m -> Matcher.quoteReplacement(
                "\"" + LocalDate.parse(m.group(1)).plusDays(days) + m.group(2) + "\""))).toList();
    }

    /** The days to shift a case whose day 0 is {@code day0} so that its day {@code day} is {@code date}. */
    public static long shiftPutting(LocalDate day0, int day, LocalDate date) {
        return ChronoUnit.DAYS.between(day0.plusDays(day), date);
    }
}
