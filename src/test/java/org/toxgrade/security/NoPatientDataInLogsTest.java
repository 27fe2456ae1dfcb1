package org.toxgrade.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.asEhr;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Api;
import org.toxgrade.support.Fixtures;

/**
 * Sends identifiable data through the success and failure paths and reads every log record the
 * process wrote meanwhile (DEBUG included): no identifier, name, value or date may appear, while
 * the ingest summary and hashed references must (so the test cannot pass by capturing nothing).
 */
@QuarkusTest
class NoPatientDataInLogsTest {

    private static final List<String> SENTINELS = List.of(
            "SENTINEL", "Sentinelia", "Testperson", "38.71", "1987-04-13", "90817", "5521", "7731");

    @Inject
    IdHasher ids;

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {

        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName()).append(' ')
                    .append(formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            captured.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(handler);
    }

    @Test
    void identifiableDataNeverReachesTheLogOrTheErrorAnswers() {
        String fhir = "application/fhir+json";
        asEhr().contentType(fhir).body(Fixtures.read("phi/batch-with-identifiable-data.json"))
                .when().post("/fhir").then().statusCode(200)
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[2].response.status", equalTo("400 Bad Request"))
                .body("entry[2].response.outcome.issue[0].diagnostics", not(containsString("SENTINEL")))
                .body("entry[3].response.status", equalTo("422 Unprocessable Entity"));
        asEhr().contentType(fhir).body(Fixtures.read("phi/observation-with-invalid-sentinel-value.json"))
                .when().put("/fhir/Observation/SENTINEL-BAD-DATE").then().statusCode(400)
                .body("issue[0].diagnostics", not(containsString("SENTINEL")));
        asEhr().when().get("/fhir/Patient/MRN-SENTINEL-90817").then().statusCode(200);
        asEhr().when().get("/fhir/Patient/MRN-SENTINEL-00000").then().statusCode(404)
                .body("issue[0].diagnostics", not(containsString("SENTINEL")));
        as("system/Observation.r").when().get("/fhir/Patient/MRN-SENTINEL-90817").then().statusCode(403)
                .body("issue[0].diagnostics", not(containsString("SENTINEL")));

        String all = String.join("\n", captured);
        assertTrue(all.contains("Ingest batch by test-ehr: 4 entries, 2 stored"), "the ingest summary is logged");
        assertTrue(all.contains(ids.ref("Patient", "MRN-SENTINEL-90817")), "resources are named by hashed id");
        for (String sentinel : SENTINELS) {
            assertFalse(all.contains(sentinel), "the log contains patient data: " + sentinel);
        }
    }

    private static RequestSpecification as(String scopes) {
        return Api.as(scopes);
    }
}
