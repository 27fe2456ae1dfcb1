package org.toxgrade.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The switch the Kubernetes ConfigMap sets: with {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true} the
 * packaged service writes every log line as one JSON object (level, logger, message), which a log
 * collector reads without parsing text; by default it writes text.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void withTheSwitchOnEveryLogLineIsAJsonObjectAndByDefaultNone() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "lifecycle", "json-logs-" + System.currentTimeMillis()));
        Path jsonLog = root.resolve("json.log");
        try (ServiceProcess service = ServiceProcess.start(root.resolve("data"), jsonLog, Duration.ofSeconds(120),
                Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"))) {
            assertEquals(200, service.get("/fhir/metadata").statusCode());
        }
        List<String> lines = lines(jsonLog);
        List<String> notJson = new ArrayList<>();
        boolean started = false;
        for (String line : lines) {
            JsonNode record = parse(line);
            if (record == null || !record.has("level") || !record.has("loggerName") || !record.has("message")) {
                notJson.add(line);
            } else if (record.path("message").asText().contains("started in")) {
                started = true;
            }
        }
        assertEquals(List.of(), notJson, "lines that are not JSON log records");
        assertTrue(started, "the start-up line is among the records");

        Path textLog = root.resolve("text.log");
        try (ServiceProcess service = ServiceProcess.start(root.resolve("data"), textLog, Duration.ofSeconds(120))) {
            assertTrue(service.alive());
        }
        assertTrue(lines(textLog).stream().noneMatch(line -> parse(line) != null), "text lines by default");
    }

    private static List<String> lines(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> !line.isBlank()).toList();
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
