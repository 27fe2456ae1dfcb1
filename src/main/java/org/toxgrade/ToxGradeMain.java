package org.toxgrade;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.toxgrade.db.EmbeddedDatabase;
import org.toxgrade.db.EmbeddedDatabaseSettings;

/**
 * Entry point. When no datasource is configured, a real PostgreSQL is started from the embedded
 * binaries before Quarkus creates its datasources, so a fresh clone runs with one command; with
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL} and {@code QUARKUS_DATASOURCE_JDBC_URL} set, that server
 * is used instead.
 */
@QuarkusMain
public final class ToxGradeMain {

    private ToxGradeMain() {
    }

    public static void main(String... args) throws Exception {
        EmbeddedDatabaseSettings settings = EmbeddedDatabaseSettings.fromProcess();
        if (settings.shouldStart()) {
            EmbeddedDatabase database = EmbeddedDatabase.start(
                    settings.dataDirectory().resolve("postgres"), settings.databaseName(), settings.port(), true);
            // zonky registers its own shutdown hook that stops the server (pg_ctl stop -m fast).
            database.datasourceProperties().forEach(System::setProperty);
        } else {
            settings.checkExternalConfiguration();
        }
        Quarkus.run(args);
    }
}
