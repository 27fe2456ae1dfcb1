package org.toxgrade.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server is a process of its own and can die under a running service (the OOM killer,
 * a crash, an operator's kill). It is started again on the same data directory and port, with the
 * settings it ran with, so that connections work again without restarting the service. The bound
 * of 30 s is generous on purpose (it takes about a second here; before the fix it never came
 * back); the test prints what it measured.
 */
class ServerDeathTest {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(30);

    @Test
    void aServerKilledUnderTheServiceIsStartedAgainOnTheSameDataAndPort(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "toxgrade", 0, true)) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('stored before the server died')");
            }
            long server = postmasterPid(data);
            ProcessHandle.of(server).orElseThrow().destroyForcibly(); // SIGKILL, as the OOM killer sends

            long begin = System.nanoTime();
            try (Connection connection = connectWithin(database.jdbcUrl(), BACK_WITHIN);
                    Statement statement = connection.createStatement()) {
                System.out.printf("queries work again %d ms after the server was killed%n",
                        (System.nanoTime() - begin) / 1_000_000);
                assertEquals("stored before the server died", single(statement, "select value from kept"));
                assertEquals("on", single(statement, "show fsync"));
                assertEquals("on", single(statement, "show synchronous_commit"));
            }
            assertNotEquals(server, postmasterPid(data));
        }
    }

    private static Connection connectWithin(String url, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try {
                Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                if (connection.isValid(5)) {
                    return connection;
                }
                connection.close();
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        return fail("no connection within " + bound + ": " + last);
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long postmasterPid(Path data) throws Exception {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }
}
