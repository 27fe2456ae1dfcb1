package org.toxgrade.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.toxgrade.db.EmbeddedDatabase;

/**
 * The same embedded PostgreSQL the service starts by default, for tests: a throw-away cluster in a
 * temporary directory, one per test run. No Docker, no Dev Services.
 */
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("toxgrade-test-pg");
            database = EmbeddedDatabase.start(dir.resolve("postgres"), "toxgrade", 0, false);
            return database.datasourceProperties();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
