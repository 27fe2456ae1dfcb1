package org.toxgrade.subscription;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.toxgrade.support.Api;
import org.toxgrade.support.SeedCases;

/** Test-side handle on the simulated EHR, and the seed resources as the EHR would hold them. */
final class Ehr {

    static final ObjectMapper JSON = new ObjectMapper();

    private Ehr() {
    }

    static String fhirBase() {
        return ConfigProvider.getConfig().getValue("toxgrade.ehr.base-url", String.class);
    }

    static String root() {
        return fhirBase().substring(0, fhirBase().length() - "/fhir".length());
    }

    static void control(String action, Map<String, ?> params) {
        given().baseUri(root()).queryParams(params).when().post("/_sim/" + action).then().statusCode(204);
    }

    static void reset() {
        control("reset", Map.of());
    }

    /** Writes a resource to the EHR (as a clinician's system would); answers it as the EHR stored it. */
    static JsonNode put(JsonNode resource) {
        String body = given().baseUri(fhirBase()).contentType("application/fhir+json").body(resource.toString())
                .when().put("/" + resource.path("resourceType").asText() + "/" + resource.path("id").asText())
                .then().statusCode(Matchers.isOneOf(200, 201)).extract().asString();
        return read(body);
    }

    static List<Map<String, Object>> resources(String type) {
        return given().baseUri(root()).queryParam("type", type).when().get("/_sim/resources").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    static List<String> requests() {
        return given().baseUri(root()).when().get("/_sim/requests").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    /** The PRES seed case resources, ids renamed with {@code prefix}, by id (Patient first). */
    static Map<String, ObjectNode> seed(String prefix) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (String day : SeedCases.renamed(SeedCases.days("pres"), "pres-", prefix)) {
            for (JsonNode entry : read(day).path("entry")) {
                byId.put(entry.path("resource").path("id").asText(), (ObjectNode) entry.path("resource"));
            }
        }
        return byId;
    }

    /** A fixture of {@code src/test/resources/subscription/} with {@code {{name}}} placeholders filled. */
    static String fixture(String name, Map<String, String> values) {
        try {
            String text = Files.readString(Path.of("src", "test", "resources", "subscription", name));
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A notification sent with the {@code ehr} source's channel secret, as HAPI sends channel.header. */
    static RequestSpecification notifier() {
        return given().header("Authorization", "Bearer " + SubscriptionProfile.SECRET);
    }

    /** Reads back what the service stored; the status code tells whether it has it. */
    static int storedStatus(String type, String id) {
        return Api.asEhr().when().get("/fhir/" + type + "/" + id).then().extract().statusCode();
    }

    /** What the service stored, once the notification that brought it has been processed from the inbox. */
    static JsonPath stored(String type, String id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> storedStatus(type, id) == 200);
        return Api.asEhr().when().get("/fhir/" + type + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    /**
     * A notification's inbox entry once processed (or refused, or failed): the endpoint answers as soon as the
     * notification is stored ({@code TG-SUB-015}, header {@code X-Inbox-Entry}); what it did comes after.
     */
    static JsonPath processed(ExtractableResponse<Response> answer) {
        assertEquals(200, answer.statusCode(), answer.asString());
        assertTrue(answer.path("issue[0].diagnostics").toString().startsWith("TG-SUB-015"), answer.asString());
        long entry = Long.parseLong(answer.header("X-Inbox-Entry"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> !"received"
                .equals(inboxEntry(entry).getString("state")));
        return inboxEntry(entry);
    }

    /** The outcome text of a processed notification. */
    static String outcome(ExtractableResponse<Response> answer) {
        JsonPath entry = processed(answer);
        assertEquals("processed", entry.getString("state"), entry.prettify());
        return entry.getString("outcome");
    }

    static JsonPath inboxEntry(long id) {
        return Api.as("toxgrade/operator").when().get("/ops/subscriptions/inbox/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
