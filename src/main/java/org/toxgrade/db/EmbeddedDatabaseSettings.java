package org.toxgrade.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings read before Quarkus starts, so that the embedded PostgreSQL can be up before the
 * datasources are created. Each setting is read like Quarkus reads configuration: a system
 * property first, then the environment variable of the same name (upper case, dots and dashes
 * as underscores).
 *
 * @param enabled "auto" (start only when no datasource URL is configured), "true" or "false"
 * @param dataDirectory where the database cluster lives; kept across restarts
 * @param databaseName the database created and used inside the embedded server
 * @param port fixed port, or 0 for a free one
 * @param reactiveUrl the configured reactive datasource URL, if any
 * @param jdbcUrl the configured JDBC datasource URL, if any
 */
public record EmbeddedDatabaseSettings(
        String enabled,
        Path dataDirectory,
        String databaseName,
        int port,
        Optional<String> reactiveUrl,
        Optional<String> jdbcUrl) {

    public static final String ENABLED = "toxgrade.embedded-db.enabled";
    public static final String DATA_DIR = "toxgrade.embedded-db.data-dir";
    public static final String DATABASE = "toxgrade.embedded-db.database";
    public static final String PORT = "toxgrade.embedded-db.port";
    public static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    /** Reads the settings from system properties and the environment of this process. */
    public static EmbeddedDatabaseSettings fromProcess() {
        return from(System.getProperties()::getProperty, System.getenv());
    }

    static EmbeddedDatabaseSettings from(Function<String, String> properties, Map<String, String> env) {
        Function<String, Optional<String>> lookup = name -> {
            String value = properties.apply(name);
            if (value == null || value.isBlank()) {
                value = env.get(envName(name));
            }
            return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
        };
        return new EmbeddedDatabaseSettings(
                lookup.apply(ENABLED).orElse("auto").toLowerCase(),
                Path.of(lookup.apply(DATA_DIR).orElse("data")).toAbsolutePath().normalize(),
                lookup.apply(DATABASE).orElse("toxgrade"),
                Integer.parseInt(lookup.apply(PORT).orElse("0")),
                lookup.apply(REACTIVE_URL),
                lookup.apply(JDBC_URL));
    }

    /** The environment variable Quarkus maps to a property name: {@code a.b-c} becomes {@code A_B_C}. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
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
            throw new IllegalStateException("TG-DB-001: set both " + envName(REACTIVE_URL) + " and "
                    + envName(JDBC_URL) + " (same database), or neither to use the embedded PostgreSQL");
        }
        if (reactiveUrl.isEmpty()) {
            throw new IllegalStateException("TG-DB-002: " + ENABLED + "=false but no datasource URL is set: set "
                    + envName(REACTIVE_URL) + " and " + envName(JDBC_URL));
        }
    }
}
