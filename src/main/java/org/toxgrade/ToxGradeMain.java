package org.toxgrade;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.toxgrade.db.EmbeddedDatabase;
import org.toxgrade.db.EmbeddedDatabaseConfig;
import org.toxgrade.security.LocalAuthSetup;
import org.toxgrade.security.LocalTokenCommand;

/**
 * Entry point.
 *
 * <ul>
 * <li>With no datasource configured, a real PostgreSQL is started from the embedded binaries before
 * Quarkus creates its datasources, so a fresh clone runs with one command; with
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL} and {@code QUARKUS_DATASOURCE_JDBC_URL} set, that server is
 * used instead.</li>
 * <li>With no token verification key configured, a local key pair under the data directory is
 * trusted, and {@code token} (first argument) prints a token signed with it.</li>
 * </ul>
 */
@QuarkusMain
public final class ToxGradeMain {

    private ToxGradeMain() {
    }

    /** Longer than quarkus.shutdown.timeout: the database outlives the requests the service finishes. */
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(40);

    public static void main(String... args) throws Exception {
        EarlyProperties config = EarlyProperties.fromProcess();
        Path dataRoot = EmbeddedDatabaseConfig.dataRoot(config);
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(LocalTokenCommand.run(args, dataRoot, System.out, System.err));
        }
        EmbeddedDatabaseConfig database = EmbeddedDatabaseConfig.from(config);
        CountDownLatch serviceStopped = ServiceStopped.LATCH;
        if (database.shouldStart()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(
                    database.dataDirectory(), database.databaseName(), database.port(), true);
            // EmbeddedDatabase registers a shutdown hook that stops the server (pg_ctl stop -m fast),
            // and starts the server again by itself if it dies while the service runs. On SIGTERM it
            // waits until the requests in flight are answered (quarkus.shutdown.timeout, 30 s).
            embedded.stopAfter(serviceStopped, SHUTDOWN_PATIENCE);
            embedded.datasourceProperties().forEach(System::setProperty);
        } else {
            database.checkExternalConfiguration();
        }
        LocalAuthSetup.configureIfNeeded(config, dataRoot);
        TracingSwitch.apply(config, System::setProperty);
        try {
            Quarkus.run(args);
        } finally {
            serviceStopped.countDown();
        }
    }
}
