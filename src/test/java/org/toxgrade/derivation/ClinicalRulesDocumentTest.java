package org.toxgrade.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toxgrade.facts.FactsSettings;

/**
 * docs/clinical-rules.md names every setting that changes a clinical rule: each property of the
 * clinical {@code @ConfigMapping} interfaces (grading, episodes, flags, facts, ICAHT) appears there by its
 * full name, so a new window or threshold cannot be added without saying what it does.
 */
class ClinicalRulesDocumentTest {

    private static final List<Class<?>> CLINICAL = List.of(GradingSettings.class, EpisodeSettings.class,
            FlagSettings.class, FactsSettings.class, IcahtSettings.class);

    @Test
    void everyClinicalSettingIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/clinical-rules.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> mapping : CLINICAL) {
            for (String property : properties(mapping.getAnnotation(ConfigMapping.class).prefix(), mapping)) {
                if (!doc.contains("`" + property + "`")) {
                    missing.add(property);
                }
            }
        }
        assertEquals(List.of(), missing, "settings missing from docs/clinical-rules.md");
    }

    @Test
    void theCheckReadsTheSettings() {
        List<String> grading = properties("toxgrade.grading", GradingSettings.class);
        assertTrue(grading.contains("toxgrade.grading.fever-look-back"), grading.toString());
        assertTrue(grading.contains("toxgrade.grading.hypotension.adult-map-below"), grading.toString());
    }

    /** Property names as SmallRye Config derives them: kebab-case, nested groups joined by dots. */
    static List<String> properties(String prefix, Class<?> mapping) {
        List<String> names = new ArrayList<>();
        List<Method> methods = new ArrayList<>(List.of(mapping.getMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "." + kebab(m.getName());
            Class<?> type = m.getReturnType();
            if (type.isInterface() && type.getEnclosingClass() == mapping) {
                names.addAll(properties(name, type));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
