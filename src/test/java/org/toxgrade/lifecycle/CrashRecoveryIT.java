package org.toxgrade.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.toxgrade.bench.IngestCorpus;

/**
 * The service killed with SIGKILL in the middle of a load, then started again on the same data
 * directory (its embedded PostgreSQL left running by the killed process, as after a real crash):
 * every entry it acknowledged is readable, a redelivery of everything stores nothing twice, and the
 * derived results equal those of a clean run that saw each Bundle once.
 */
class CrashRecoveryIT {

    private static final int PATIENTS = 6;
    private static final List<String> BUNDLES = IngestCorpus.bundles("crash", 2_400, 40, PATIENTS);

    @Test
    void afterAKillEveryAcknowledgedEntryIsThereAndResultsEqualACleanRun() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "lifecycle", "crash-" + System.currentTimeMillis()));
        Path data = root.resolve("data");
        List<String> acknowledged = new ArrayList<>();

        try (ServiceProcess first = ServiceProcess.start(data, root.resolve("first.log"), Duration.ofSeconds(120))) {
            ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();
            AtomicInteger answered = new AtomicInteger();
            CountDownLatch loaded = new CountDownLatch(BUNDLES.size() / 3);
            Thread sender = new Thread(() -> {
                for (String bundle : BUNDLES) {
                    try {
                        HttpResponse<String> response = first.postBundle(bundle, Duration.ofSeconds(60));
                        if (response.statusCode() == 200) {
                            acks.addAll(storedEntries(response.body()));
                            answered.incrementAndGet();
                        }
                        loaded.countDown();
                    } catch (IOException e) {
                        return; // the service is gone: this Bundle was never acknowledged
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sender.start();
            assertTrue(loaded.await(180, TimeUnit.SECONDS), "a third of the load was sent");
            first.kill();
            sender.join(60_000);
            acknowledged.addAll(acks);
            assertTrue(answered.get() < BUNDLES.size(), "the kill came in the middle of the load");
            System.out.printf("crash: killed after %d of %d Bundles acknowledged (%d entries)%n", answered.get(),
                    BUNDLES.size(), acknowledged.size());
        }

        Map<String, String> recovered;
        long restart = System.nanoTime();
        try (ServiceProcess second = ServiceProcess.start(data, root.resolve("second.log"),
                Duration.ofSeconds(120))) {
            System.out.printf("crash: ready again on the same data in %d ms%n",
                    (System.nanoTime() - restart) / 1_000_000);
            for (String location : acknowledged) {
                assertEquals(200, second.get("/fhir/" + location).statusCode(), location + " was acknowledged");
            }
            // The sender redelivers everything, as an EHR does after a lost connection.
            for (String bundle : BUNDLES) {
                HttpResponse<String> response = second.postBundle(bundle, Duration.ofSeconds(60));
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(entryCount(bundle), storedEntries(response.body()).size(), response.body());
            }
            for (String location : acknowledged) {
                assertEquals(location, latestVersion(second, location), "the redelivery stored no new version");
            }
            recovered = results(second);
        }

        Map<String, String> clean;
        try (ServiceProcess reference = ServiceProcess.start(root.resolve("clean"), root.resolve("clean.log"),
                Duration.ofSeconds(120))) {
            for (String bundle : BUNDLES) {
                assertEquals(200, reference.postBundle(bundle, Duration.ofSeconds(60)).statusCode());
            }
            clean = results(reference);
        }
        assertEquals(PATIENTS * 2, clean.size(), "each patient has a timeline and results: " + clean.keySet());
        assertEquals(clean, recovered);
    }

    /** {@code Type/id/_history/v} of each entry answered 200 or 201. */
    private static List<String> storedEntries(String batchResponse) {
        List<String> stored = new ArrayList<>();
        for (JsonNode entry : ServiceProcess.json(batchResponse).path("entry")) {
            String status = entry.path("response").path("status").asText();
            if (status.startsWith("200") || status.startsWith("201")) {
                stored.add(entry.path("response").path("location").asText());
            }
        }
        return stored;
    }

    private static int entryCount(String bundle) {
        return ServiceProcess.json(bundle).path("entry").size();
    }

    private static String latestVersion(ServiceProcess service, String location) throws Exception {
        String current = location.substring(0, location.indexOf("/_history/"));
        JsonNode resource = service.getJson("/fhir/" + current);
        return current + "/_history/" + resource.path("meta").path("versionId").asText();
    }

    /**
     * Per patient, the timeline and the Conditions and Flags, without what differs between two
     * runs of the same data (times of derivation and storage, versions).
     */
    private static Map<String, String> results(ServiceProcess service) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (int p = 0; p < PATIENTS; p++) {
            String patient = "crash-p" + p;
            JsonNode timeline = service.getJson("/api/patients/" + patient + "/timeline");
            timeline.path("episodes").forEach(e -> ((ObjectNode) e).remove("derivedAt"));
            out.put(patient + " timeline", timeline.toString());
            Map<String, String> resources = new TreeMap<>();
            for (String type : List.of("Condition", "Flag")) {
                JsonNode bundle = service.getJson("/fhir/" + type + "?patient=" + patient + "&_count=500");
                for (JsonNode entry : bundle.path("entry")) {
                    ObjectNode resource = (ObjectNode) entry.path("resource").deepCopy();
                    if (!resource.path("subject").path("reference").asText().equals("Patient/" + patient)) {
                        continue;
                    }
                    resource.remove("meta");
                    resource.remove("recordedDate");
                    resources.put(type + "/" + resource.path("id").asText(), resource.toString());
                }
            }
            out.put(patient + " results", resources.toString());
        }
        return out;
    }
}
