package org.toxgrade.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The service's use of the embedded database, in a JVM of its own so that a test can kill it with
 * SIGKILL as a tester kills the service: starts the durable server on the directory given, stores a
 * row, prints READY, and stops cleanly when its standard input closes (so that it never outlives a
 * test JVM that dies).
 */
public final class ServiceStandIn {

    static final String READY = "READY";
    static final String STORED = "written before the kill";

    private ServiceStandIn() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), "toxgrade", 0, true)) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('" + STORED + "')");
            }
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() != -1) {
                // waits for the test to close the pipe (or to be killed)
            }
        }
    }
}
