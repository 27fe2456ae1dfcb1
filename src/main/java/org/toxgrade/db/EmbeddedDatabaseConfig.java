package org.toxgrade.db;

import java.nio.file.Path;
import java.util.Optional;
import org.toxgrade.EarlyProperties;

/**
 * Settings of the embedded PostgreSQL, read before Quarkus starts so that the server is up before
 * the datasources are created.
 *
 * @param enabled "auto" (start only when no datasource URL is configured), "true" or "false"
 * @param dataDirectory where the database cluster lives; kept across restarts
 * @param databaseName the database created and used inside the embedded server
 * @param port fixed port, or 0 for a free one
 * @param reactiveUrl the configured reactive datasource URL, if any
 * @param jdbcUrl the configured JDBC datasource URL, if any
 */
public record EmbeddedDatabaseConfig(
        String enabled,
        Path dataDirectory,
        String databaseName,
        int port,
        Optional<String> reactiveUrl,
        Optional<String> jdbcUrl) {

    public static final String DATA_DIR = "toxgrade.data-dir";
    public static final String ENABLED = "toxgrade.embedded-db.enabled";
    public static final String DATABASE = "toxgrade.embedded-db.database";
    public static final String PORT = "toxgrade.embedded-db.port";
    public static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    public static EmbeddedDatabaseConfig from(EarlyProperties config) {
        return new EmbeddedDatabaseConfig(
                config.get(ENABLED, "auto").toLowerCase(),
                dataRoot(config).resolve("postgres"),
                config.get(DATABASE, "toxgrade"),
                Integer.parseInt(config.get(PORT, "0")),
                config.get(REACTIVE_URL),
                config.get(JDBC_URL));
    }

    /** The service's local data directory (default {@code ./data}): database cluster, local keys. */
    public static Path dataRoot(EarlyProperties config) {
        return Path.of(config.get(DATA_DIR, "data")).toAbsolutePath().normalize();
    }

    /**
     * Whether the embedded server must be started. An explicit "false" with no datasource URL is a
     * configuration error that the caller reports; a partial external configuration is one too,
     * because Flyway (JDBC) and Hibernate Reactive (reactive URL) must reach the same database.
     */
    public boolean shouldStart() {
        return switch (enabled) {
            case "true" -> true;
            case "false" -> false;
            case "auto" -> reactiveUrl.isEmpty() && jdbcUrl.isEmpty();
            default -> throw new IllegalArgumentException(
                    ENABLED + " must be auto, true or false, not '" + enabled + "'");
        };
    }

    /** Fails fast on a datasource configuration that would half-work. */
    public void checkExternalConfiguration() {
        if (reactiveUrl.isPresent() != jdbcUrl.isPresent()) {
            throw new IllegalStateException(DatabaseError.URLS_NOT_PAIRED.message(EarlyProperties.envName(REACTIVE_URL),
                    EarlyProperties.envName(JDBC_URL)));
        }
        if (reactiveUrl.isEmpty()) {
            throw new IllegalStateException(DatabaseError.EMBEDDED_OFF_WITHOUT_URL.message(ENABLED,
                    EarlyProperties.envName(REACTIVE_URL), EarlyProperties.envName(JDBC_URL)));
        }
    }
}
