package org.toxgrade.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.SourceFiles;

/**
 * Every meter the service registers, wherever in the code and however rarely it is first used, has a
 * HELP text in {@link MetricHelp}, and the catalogue names no meter that is gone.
 */
class MetricHelpTest {

    /** A meter registration: registry.counter/gauge/timer/summary("toxgrade..."), or a meter builder. */
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:counter|gauge|timer|summary|builder)\\(\\s*\"(toxgrade\\.[a-z0-9.]+)\"");

    @Test
    void everyRegisteredMeterHasAHelpTextAndEveryHelpTextAMeter() {
        Set<String> registered = new TreeSet<>();
        for (Path file : SourceFiles.javaFiles(Path.of("src/main/java/org/toxgrade"))) {
            Matcher meter = REGISTERED.matcher(read(file));
            while (meter.find()) {
                registered.add(meter.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(MetricHelp.names());
        assertEquals(Set.of(), missing, "meters without a HELP text");
        Set<String> stale = new TreeSet<>(MetricHelp.names());
        stale.removeAll(registered);
        assertEquals(Set.of(), stale, "HELP texts of meters no code registers");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
