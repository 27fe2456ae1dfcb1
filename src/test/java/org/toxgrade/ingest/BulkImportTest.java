package org.toxgrade.ingest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toxgrade.support.Api.asClient;
import static org.toxgrade.support.Api.asEhr;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * A backfill through {@code $import}: the polyradiculopathy report as an NDJSON file, one resource
 * per line, with two bad lines. Each refused line is reported with its number; the rest gives the
 * same results as the same records sent as batch Bundles, derived once at the end.
 */
@QuarkusTest
class BulkImportTest {

    private static final String NDJSON = "application/fhir+ndjson";

    @Test
    void aFileIsStoredDerivedOnceAndEqualsTheBatchDelivery() {
        SeedCases.post(SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-", "bulkref-"));
        List<String> lines = lines(SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-", "bulk-"));
        lines.add(3, "{\"resourceType\": \"Observation\", \"id\": \"broken\"");
        lines.add(7, "{\"resourceType\": \"Encounter\", \"id\": \"not-ours\"}");
        String file = String.join("\n", lines) + "\n";

        JsonNode summary = finished(() -> asEhr(), kickOff(asEhr(), file));

        assertEquals(lines.size(), summary.path("lines").asInt());
        assertEquals(1, summary.path("patientsDerived").asInt());
        assertEquals(2, summary.path("error").size(), summary.toString());
        assertEquals(4, summary.path("error").get(0).path("line").asInt());
        assertEquals("TG-INGEST-006", summary.path("error").get(0).path("code").asText());
        assertEquals(8, summary.path("error").get(1).path("line").asInt());
        assertEquals("TG-INGEST-002", summary.path("error").get(1).path("code").asText());
        int stored = 0;
        for (JsonNode output : summary.path("output")) {
            stored += output.path("count").asInt();
        }
        assertEquals(lines.size() - 2, stored);

        assertEquals(Results.clinicalContent(Results.stored("bulkref-case"), key("bulkref-case"), "bulkref-", "X-"),
                Results.clinicalContent(Results.stored("bulk-case"), key("bulk-case"), "bulk-", "X-"));
    }

    @Test
    void importingTheSameFileAgainStoresNothingNew() {
        String file = String.join("\n", lines(SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-",
                "bulkagain-")));
        finished(() -> asEhr(), kickOff(asEhr(), file));
        JsonNode again = finished(() -> asEhr(), kickOff(asEhr(), file));
        again.path("output").forEach(o -> assertEquals("unchanged", o.path("outcome").asText(), again.toString()));
        assertEquals(0, again.path("error").size());
        assertEquals(0, again.path("patientsDerived").asInt(), "no patient's facts changed");
    }

    @Test
    void aCallerWithoutWriteScopesHasEveryLineRefused() {
        String file = String.join("\n", lines(SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-",
                "bulkdenied-")));
        Supplier<RequestSpecification> reader = () -> asClient("bulk-reader", "system/Observation.r");
        JsonNode summary = finished(reader, kickOff(reader.get(), file));
        assertEquals(0, summary.path("output").size());
        assertEquals(summary.path("lines").asInt(), summary.path("error").size());
        summary.path("error").forEach(e -> assertEquals(403, e.path("status").asInt()));
        asEhr().when().get("/fhir/Observation/bulkdenied-emg-d52").then().statusCode(404);
    }

    @Test
    void anEmptyFileIsRefused() {
        asEhr().contentType(NDJSON).body("\n\n".getBytes(StandardCharsets.UTF_8)).when().post("/fhir/$import").then()
                .statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-080"));
    }

    @Test
    void aJobIsUnknownToEveryoneButTheClientThatStartedIt() {
        String location = kickOff(asEhr(), String.join("\n", lines(SeedCases.renamed(
                List.of(SeedCases.days("polyradiculopathy").get(0)), "polyrad-", "bulkmine-"))));
        String path = location.substring(location.indexOf("/fhir/"));
        asClient("someone-else", "system/*.cruds").when().get(path).then().statusCode(404)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-081"));
        asEhr().when().get("/fhir/$import-status/6b1f8a52-0000-4000-8000-000000000000").then().statusCode(404)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-081"));
    }

    /** Posts the file and returns the job's status URL. */
    private static String kickOff(RequestSpecification as, String file) {
        return as.contentType(NDJSON).body(file.getBytes(StandardCharsets.UTF_8)).when().post("/fhir/$import").then()
                .statusCode(202)
                .header("Content-Location", containsString("/fhir/$import-status/"))
                .extract().header("Content-Location");
    }

    /** Polls the status URL until the job is done; its summary. */
    private static JsonNode finished(Supplier<RequestSpecification> as, String location) {
        String path = location.substring(location.indexOf("/fhir/"));
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = as.get().when().get(path);
            if (last[0].statusCode() == 202) {
                last[0].then().header("X-Progress", containsString(" of "));
            }
            return last[0].statusCode() != 202;
        });
        last[0].then().statusCode(200);
        return Results.read(last[0].asString());
    }

    /** Every resource of the day Bundles, one JSON line each, in day order. */
    private static List<String> lines(List<String> days) {
        List<String> lines = new ArrayList<>();
        for (String day : days) {
            Results.read(day).path("entry").forEach(e -> lines.add(e.path("resource").toString()));
        }
        return lines;
    }

    private static String key(String patient) {
        return Results.stored(patient).keySet().iterator().next().split("/")[1].substring(0, 19);
    }
}
