package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.asEhr;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;
import org.toxgrade.support.TestKeysResource;

/** With the database out of reach, senders are told to retry (503) and readiness says DOWN. */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.NoDatabase.class)
class DatabaseUnavailableTest {

    public static class NoDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, connections are refused at once.
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://localhost:1/toxgrade",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:1/toxgrade",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.flyway.migrate-at-start", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestKeysResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void aWriteIsAnswered503WithRetryAfter() {
        asEhr().contentType("application/fhir+json").body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType(startsWith("application/fhir+json"))
                .body("issue[0].code", equalTo("transient"))
                .body("issue[0].diagnostics", startsWith("TG-DB-503"));
    }

    @Test
    void readinessIsDown() {
        management().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void livenessStaysUpSoKubernetesDoesNotRestartAHealthyProcess() {
        management().when().get("/q/health/live").then().statusCode(200);
    }
}
