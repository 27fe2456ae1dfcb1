package org.toxgrade.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void aRestartOnTheSameDataDirectoryKeepsWhatWasStored(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data, "toxgrade", 0, true);
                Connection connection = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('still here')");
        }
        assertEquals(true, Files.exists(data.resolve("postgresql.conf")));

        try (EmbeddedDatabase second = EmbeddedDatabase.start(data, "toxgrade", 0, true);
                Connection connection = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select value from kept")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
        }
    }

    @Test
    void aDurableServerWritesEveryCommitToDiskBeforeAcknowledgingIt(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir.resolve("postgres"), "toxgrade", 0, true);
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "")) {
            assertEquals("on", show(connection, "fsync"));
            assertEquals("on", show(connection, "full_page_writes"));
            assertEquals("on", show(connection, "synchronous_commit"));
        }
    }

    @Test
    void aDatabaseNameThatIsNotASafeIdentifierIsRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedDatabase.start(dir, "toxgrade; drop database postgres", 0, false));
    }

    private static String show(Connection connection, String setting) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
