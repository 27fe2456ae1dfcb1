package org.toxgrade.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.toxgrade.bench.IngestCorpus;

/**
 * SIGTERM (how Kubernetes and systemd stop a service) while a 3,000-entry batch is being stored:
 * the service stops taking new requests, answers the one in flight in full, stops its embedded
 * database after that, and exits; every entry it answered as stored is there after a restart.
 */
class GracefulShutdownIT {

    @Test
    void aStopInTheMiddleOfABatchAnswersItInFullAndLosesNothing() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "lifecycle", "stop-" + System.currentTimeMillis()));
        Path data = root.resolve("data");
        String batch = IngestCorpus.bundles("stop", 3_000, 3_000, 1).get(0);
        HttpResponse<String> answer;
        try (ServiceProcess service = ServiceProcess.start(data, root.resolve("first.log"), Duration.ofSeconds(120))) {
            // Warm the path with a small Bundle so that the big one is in its writes when the stop comes.
            assertEquals(200, service.postBundle(IngestCorpus.bundles("warm", 10, 10, 1).get(0),
                    Duration.ofSeconds(60)).statusCode());
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.postBundle(batch, Duration.ofSeconds(120));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("no answer to the batch in flight", e);
                }
            });
            Thread.sleep(1_500);
            assertFalse(inFlight.isDone(), "the batch is still being stored when the stop comes");
            long stopping = System.nanoTime();
            int exit = service.terminate(Duration.ofSeconds(60));
            System.out.printf("stop: exited with %d, %d ms after SIGTERM%n", exit,
                    (System.nanoTime() - stopping) / 1_000_000);
            answer = inFlight.join();
            assertFalse(Files.exists(data.resolve("postgres").resolve("postmaster.pid")),
                    "the embedded database was stopped with the service");
        }
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode entries = ServiceProcess.json(answer.body()).path("entry");
        assertEquals(3_000 + 2, entries.size(), "one answer per entry");
        List<String> stored = new java.util.ArrayList<>();
        for (JsonNode entry : entries) {
            String status = entry.path("response").path("status").asText();
            assertTrue(status.startsWith("201"), status);
            stored.add(entry.path("response").path("location").asText());
        }

        try (ServiceProcess again = ServiceProcess.start(data, root.resolve("second.log"), Duration.ofSeconds(120))) {
            for (String location : stored) {
                assertEquals(200, again.get("/fhir/" + location).statusCode(), location + " was answered as stored");
            }
        }
    }
}
