package org.toxgrade.db;

import static org.junit.jupiter.api.Assertions.fail;
import static org.toxgrade.support.Api.asEhr;
import static org.toxgrade.support.Management.management;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.EmbeddedPostgresTestResource;
import org.toxgrade.support.Fixtures;
import org.toxgrade.support.TestKeysResource;

/**
 * The service as a whole after its embedded server is killed: readiness comes back UP and writes
 * are stored again, without restarting the service. Before, readiness stayed DOWN (and liveness UP)
 * for good. A server of its own, so that killing it cannot disturb the other tests; the bound of
 * 60 s is generous on purpose, and the test prints what it measured.
 */
@QuarkusTest
@TestProfile(DatabaseServerDeathTest.OwnServer.class)
class DatabaseServerDeathTest {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    public static class OwnServer implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresTestResource.class),
                    new TestResourceEntry(TestKeysResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void afterTheDatabaseServerIsKilledReadinessComesBackAndWritesAreStoredAgain() throws Exception {
        management().when().get("/q/health/ready").then().statusCode(200);
        ProcessHandle.of(serverPid()).orElseThrow().destroyForcibly();

        long begin = System.nanoTime();
        long deadline = begin + BACK_WITHIN.toNanos();
        while (management().when().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                fail("readiness still DOWN " + BACK_WITHIN + " after the server was killed");
            }
            Thread.sleep(250);
        }
        System.out.printf("readiness UP again %d ms after the database server was killed%n",
                (System.nanoTime() - begin) / 1_000_000);
        asEhr().contentType("application/fhir+json").body(Fixtures.read("ingest/valid/observation-temperature.json"))
                .when().post("/fhir/Observation").then().statusCode(201);
    }

    /** The postmaster of the service's database, from the pid file in its data directory. */
    private static long serverPid() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show data_directory")) {
            rs.next();
            Path pidFile = Path.of(rs.getString(1), "postmaster.pid");
            return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        }
    }
}
