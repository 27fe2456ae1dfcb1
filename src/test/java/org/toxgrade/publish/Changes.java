package org.toxgrade.publish;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.toxgrade.support.Api;

/** Outbound changes built from the fixtures under {@code src/test/resources/publish}, and their enqueueing. */
final class Changes {

    static final String OPERATOR = "toxgrade/operator";

    private Changes() {
    }

    static String condition(String identifier, int grade) {
        return read("condition-crs.json").replace("${identifier}", identifier).replace("${patient}", "pt-" + identifier)
                .replace("${gradeDisplay}", "Grade " + grade).replace("${grade}", "grade-" + grade);
    }

    static String flag(String identifier, boolean active) {
        String flag = read("flag-seizure.json").replace("${identifier}", identifier).replace("${patient}",
                "pt-" + identifier);
        return active
                ? flag
                : flag.replace("\"status\": \"active\"", "\"status\": \"inactive\"")
                        .replace("\"start\": \"2026-03-10T16:00:00Z\"",
                                "\"start\": \"2026-03-10T16:00:00Z\", \"end\": \"2026-03-12T16:00:00Z\"");
    }

    static String provenance() {
        return read("provenance.json");
    }

    /** Enqueues resource + Provenance as the producer would; answers what the outbox did. */
    static JsonPath enqueue(String resource) {
        return Api.as(OPERATOR).contentType(ContentType.JSON)
                .body("{\"resource\":" + resource + ",\"provenance\":" + provenance() + "}")
                .when().post("/test/outbox").then().statusCode(200).extract().jsonPath();
    }

    static String read(String name) {
        try (InputStream in = Changes.class.getResourceAsStream("/publish/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
