package org.toxgrade;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration read before Quarkus starts (embedded database, local signing keys), the way
 * Quarkus itself reads it: a system property first, then the environment variable of the same
 * name in upper case with dots and dashes as underscores.
 */
public final class EarlyProperties {

    private final Function<String, String> properties;
    private final Map<String, String> env;

    public EarlyProperties(Function<String, String> properties, Map<String, String> env) {
        this.properties = properties;
        this.env = env;
    }

    public static EarlyProperties fromProcess() {
        return new EarlyProperties(System.getProperties()::getProperty, System.getenv());
    }

    public Optional<String> get(String name) {
        String value = properties.apply(name);
        if (value == null || value.isBlank()) {
            value = env.get(envName(name));
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /** The environment variable Quarkus maps to a property name: {@code a.b-c} becomes {@code A_B_C}. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
