package org.toxgrade.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server run from the zonky binaries, for local runs and tests. Its cluster lives
 * in a directory of our choosing and is not wiped on start, so a restart keeps every stored
 * resource. As root, zonky wraps the server in {@code unshare -U} (postgres refuses to run as
 * root). The server is a process of its own, detached from the JVM: a start first clears what a
 * killed run left ({@link StaleServer}), and while the service runs a {@link ServerKeeper} starts
 * the server again if it dies.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** The superuser zonky's initdb creates; local trust authentication, loopback only. */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String databaseName;
    private final Path dataDirectory;
    private final Thread stopAtExit = new Thread(this::closeAtExit, "embedded-postgres-stop");
    private ServerKeeper keeper;
    private volatile CountDownLatch serviceStopped;
    private volatile Duration patience = Duration.ZERO;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String databaseName, Path dataDirectory) {
        this.postgres = postgres;
        this.databaseName = databaseName;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts (initialising on first use) a server whose cluster lives in {@code dataDirectory}
     * and makes sure {@code databaseName} exists.
     *
     * @param durable false only for throw-away test clusters: it turns off fsync and synchronous commit
     */
    public static EmbeddedDatabase start(Path dataDirectory, String databaseName, int port, boolean durable)
            throws IOException {
        if (!DATABASE_NAME.matcher(databaseName).matches()) {
            throw new IllegalArgumentException(DatabaseError.DATABASE_NAME_INVALID.message(DATABASE_NAME));
        }
        Files.createDirectories(dataDirectory);
        long started = System.nanoTime();
        Path log = serverLog(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Ours instead (see close()): zonky's would stop the server under a running keeper.
                .setRegisterShutdownHook(false)
                // zonky calls this after it has locked the directory and before it starts the server.
                .setDataDirectoryCustomizer(directory -> clearStaleServer(directory.toPath(), log))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("listen_addresses", "localhost")
                // TCP only: no socket and socket lock file in /tmp. The lock file of a killed server
                // names its process, and while that process waits to be reaped (a zombie) PostgreSQL
                // refuses to start on the port; the datasources connect over TCP anyway.
                .setServerConfig("unix_socket_directories", "")
                .setPGStartupWait(Duration.ofSeconds(60));
        durability(durable).forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            if (binariesMissing(e)) {
                throw new IOException(DatabaseError.BINARIES_MISSING.message(), e);
            }
            throw e;
        }
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, databaseName, dataDirectory);
        Runtime.getRuntime().addShutdownHook(database.stopAtExit);
        try {
            database.createDatabaseIfMissing();
            database.keeper = ServerKeeper.watch(dataDirectory, log);
        } catch (SQLException e) {
            database.close();
            throw new IOException(DatabaseError.DATABASE_NOT_CREATED.message(), e);
        } catch (IOException e) {
            database.close();
            throw e;
        }
        LOG.infof("Embedded PostgreSQL ready on port %d in %d ms (data directory %s, server log %s)",
                postgres.getPort(), (System.nanoTime() - started) / 1_000_000, dataDirectory, log);
        return database;
    }

    /**
     * Whether zonky failed for want of a binaries jar for this platform on the class path: the
     * container image removes them (Dockerfile), as it always uses an external server.
     */
    private static boolean binariesMissing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).startsWith("Missing embedded postgres binaries")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the server's own messages go (start, crash recovery, a FATAL that stops it): beside the
     * data directory, because initdb refuses a directory that is not empty. A file rather than
     * zonky's pipe into our log: nobody would read the pipe of a server that we start again
     * ourselves, and what a server says after the JVM is gone would be lost.
     */
    static Path serverLog(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    private static void clearStaleServer(Path dataDirectory, Path log) {
        try {
            StaleServer.clear(dataDirectory, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stored event must survive a crash of the machine, so a durable server acknowledges a commit
     * only once it is on disk and writes whole pages after a checkpoint, so that a page torn by a
     * power cut can be repaired from the WAL. zonky always passes {@code -F} (fsync off) ahead of
     * the {@code -c} settings; postgres applies its command line in order, so {@code -c fsync=on}
     * wins over it (EmbeddedDatabaseTest checks what the server reports). Throw-away test clusters
     * keep zonky's fast settings.
     */
    private static Map<String, String> durability(boolean durable) {
        if (!durable) {
            return Map.of("synchronous_commit", "off");
        }
        return Map.of("fsync", "on", "full_page_writes", "on", "synchronous_commit", "on");
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, databaseName);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // The name is checked against DATABASE_NAME above; CREATE DATABASE takes no bind parameter.
                create.execute("create database " + databaseName);
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + databaseName;
    }

    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + databaseName;
    }

    /** The Quarkus datasource properties that point the service at this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    /** Stops the server; the keeper first, so that it does not take the stop for a death. */
    @Override
    public void close() throws IOException {
        if (keeper != null) {
            keeper.close();
        }
        postgres.close();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }

    /**
     * On SIGTERM the JVM runs its shutdown hooks at once, the service's and this one: stopping the
     * server then would fail the requests the service is still finishing. This hook first waits
     * for {@code stopped} (the service has stopped) for at most {@code patience}.
     */
    public void stopAfter(CountDownLatch stopped, Duration patience) {
        this.serviceStopped = stopped;
        this.patience = patience;
    }

    private void closeAtExit() {
        try {
            if (serviceStopped != null && !serviceStopped.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("The service had not stopped after %d s; stopping the embedded database anyway",
                        patience.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            close();
        } catch (IOException e) {
            LOG.error(DatabaseError.SERVER_NOT_STOPPED.message(dataDirectory, serverLog(dataDirectory)), e);
        }
    }
}
