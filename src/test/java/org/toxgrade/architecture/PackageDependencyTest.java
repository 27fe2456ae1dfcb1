package org.toxgrade.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.SourceFiles;

/**
 * The package map of docs/architecture.md holds: capability packages import each other in one
 * direction only (no cycle), and the clinical cores (grading, flags, episode planning) stay plain
 * Java, free of HAPI, Quarkus, Hibernate, Vert.x and Mutiny, so they can be tested with tables.
 */
class PackageDependencyTest {

    private static final Path MAIN = Path.of("src/main/java/org/toxgrade");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;",
            Pattern.MULTILINE);
    private static final Pattern OWN = Pattern.compile("^org\\.toxgrade\\.(\\w+)");

    /** The plain cores and the only service packages each may use. */
    private static final Map<String, Set<String>> PLAIN = Map.of(
            "grading", Set.of(),
            "flags", Set.of("grading"),
            "episode", Set.of("grading", "flags", "facts"));

    private static final List<String> FRAMEWORKS = List.of("io.quarkus", "io.smallrye", "io.vertx", "jakarta.",
            "org.hibernate", "ca.uhn", "org.hl7", "com.fasterxml", "org.jboss", "io.micrometer");

    @Test
    void capabilityPackagesImportEachOtherInOneDirectionOnly() {
        Map<String, Set<String>> uses = uses();
        List<String> cycle = findCycle(uses);
        assertEquals(List.of(), cycle, "package cycle; uses = " + uses);
    }

    @Test
    void theClinicalCoresUseNoFrameworkAndOnlyTheirUpstreamPackages() {
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, Set<String>> plain : PLAIN.entrySet()) {
            for (Path file : SourceFiles.javaFiles(MAIN.resolve(plain.getKey()))) {
                for (String imported : imports(file)) {
                    Matcher own = OWN.matcher(imported);
                    boolean allowed = own.find()
                            ? own.group(1).equals(plain.getKey()) || plain.getValue().contains(own.group(1))
                            : FRAMEWORKS.stream().noneMatch(imported::startsWith);
                    if (!allowed) {
                        offenders.add(MAIN.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void theCheckSeesEveryPackage() {
        assertTrue(uses().keySet().containsAll(List.of("grading", "flags", "episode", "patient", "ingest", "facts",
                "publish", "derivation", "results", "subscription", "cdshooks", "signin", "ui")),
                uses().keySet().toString());
    }

    /** Top-level capability package to the capability packages it imports. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : SourceFiles.javaFiles(MAIN)) {
            Path relative = MAIN.relativize(file);
            if (relative.getNameCount() < 2) {
                continue; // the main class and early configuration sit above the capabilities
            }
            String from = relative.getName(0).toString();
            Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (String imported : imports(file)) {
                Matcher own = OWN.matcher(imported);
                if (own.find() && !own.group(1).equals(from)) {
                    targets.add(own.group(1));
                }
            }
        }
        return uses;
    }

    private static List<String> findCycle(Map<String, Set<String>> uses) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : uses.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, uses, state, path)) {
                return path;
            }
        }
        return List.of();
    }

    /** Depth-first search; state 1 = on the current path, 2 = done. Leaves the cycle in {@code path}. */
    private static boolean visit(String node, Map<String, Set<String>> uses, Map<String, Integer> state,
            List<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return false;
        }
        path.add(node);
        if (s != null && s == 1) {
            return true;
        }
        state.put(node, 1);
        for (String next : uses.getOrDefault(node, Set.of())) {
            if (visit(next, uses, state, path)) {
                return true;
            }
        }
        state.put(node, 2);
        path.remove(path.size() - 1);
        return false;
    }

    private static List<String> imports(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
