package org.toxgrade.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.EarlyProperties;

class EmbeddedDatabaseConfigTest {

    private static EmbeddedDatabaseConfig settings(Map<String, String> props, Map<String, String> env) {
        return EmbeddedDatabaseConfig.from(new EarlyProperties(props::get, env));
    }

    @Test
    void withNothingConfiguredTheEmbeddedServerStartsWithDataUnderDotData() {
        EmbeddedDatabaseConfig s = settings(Map.of(), Map.of());
        assertTrue(s.shouldStart());
        assertEquals(Path.of("data", "postgres").toAbsolutePath(), s.dataDirectory());
        assertEquals("toxgrade", s.databaseName());
    }

    @Test
    void theStandardQuarkusEnvironmentVariablesSelectAnExternalServer() {
        EmbeddedDatabaseConfig s = settings(Map.of(), Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/toxgrade",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/toxgrade"));
        assertFalse(s.shouldStart());
        s.checkExternalConfiguration();
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() {
        EmbeddedDatabaseConfig s = settings(Map.of("toxgrade.data-dir", "/var/lib/tg"),
                Map.of("TOXGRADE_DATA_DIR", "/elsewhere"));
        assertEquals(Path.of("/var/lib/tg/postgres"), s.dataDirectory());
    }

    @Test
    void onlyOneOfTheTwoDatasourceUrlsIsAConfigurationError() {
        EmbeddedDatabaseConfig s = settings(Map.of(), Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db/x"));
        assertFalse(s.shouldStart());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::checkExternalConfiguration);
        assertTrue(e.getMessage().startsWith("TG-DB-001"));
    }

    @Test
    void embeddedSwitchedOffWithoutAnUrlIsAConfigurationError() {
        EmbeddedDatabaseConfig s = settings(Map.of(), Map.of("TOXGRADE_EMBEDDED_DB_ENABLED", "false"));
        assertFalse(s.shouldStart());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::checkExternalConfiguration);
        assertTrue(e.getMessage().startsWith("TG-DB-002"));
    }

    @Test
    void anUnknownEnabledValueIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("toxgrade.embedded-db.enabled", "maybe"), Map.of()).shouldStart());
    }
}
