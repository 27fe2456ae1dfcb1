package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.asEhr;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/**
 * What an operator scrapes from the management port: after a write that derives and a write-back to
 * a (simulated) EHR, every {@code toxgrade_*} series has a HELP line that says what it means, and the
 * derivation, EHR and outbox-age meters are there.
 */
@QuarkusTest
@TestProfile(SimulatedEhrProfile.class)
class MetricsHelpTest {

    private static final Pattern HELP = Pattern.compile("^# HELP (toxgrade_\\w+) (.*)$", Pattern.MULTILINE);
    private static final Pattern SAMPLE = Pattern.compile("^(toxgrade_\\w+)[{ ]", Pattern.MULTILINE);
    private static final List<String> SUFFIXES = List.of("", "_total", "_count", "_sum", "_max", "_bucket",
            "_created");

    @Test
    void everyToxgradeSeriesHasAHelpTextAndTheOperationalMetersAreThere() {
        Sim.reset();
        asEhr().contentType("application/fhir+json").body(Fixtures.read("ingest/valid/batch-pres-day0.json"))
                .when().post("/fhir").then().statusCode(200);
        WriteBackTest.awaitState(Changes.enqueue(Changes.condition("metrics-help-crs", 2)).getLong("pk"), "sent");

        String scrape = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, String> help = new HashMap<>();
        Matcher helpLine = HELP.matcher(scrape);
        while (helpLine.find()) {
            help.put(helpLine.group(1), helpLine.group(2).trim());
        }
        List<String> withoutHelp = new ArrayList<>();
        TreeSet<String> series = new TreeSet<>();
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            series.add(sample.group(1));
        }
        for (String name : series) {
            boolean described = SUFFIXES.stream().filter(name::endsWith)
                    .map(suffix -> name.substring(0, name.length() - suffix.length()))
                    .anyMatch(family -> !help.getOrDefault(family, help.getOrDefault(family + "_total", ""))
                            .isEmpty());
            if (!described) {
                withoutHelp.add(name);
            }
        }
        assertEquals(List.of(), withoutHelp, "toxgrade series without a HELP text");
        for (String expected : List.of("toxgrade_derivation_duration_seconds_count",
                "toxgrade_derivation_duration_seconds_bucket", "toxgrade_derivation_backlog",
                "toxgrade_ehr_requests_seconds_count", "toxgrade_outbox_oldest_pending_age_seconds",
                "toxgrade_ingest_resources_total")) {
            assertTrue(series.contains(expected), expected + " in " + series);
        }
        assertTrue(scrape.contains("toxgrade_ehr_requests_seconds_count{method=\"POST\",outcome=\"2xx\"}"),
                "EHR requests by method and outcome");
    }
}
