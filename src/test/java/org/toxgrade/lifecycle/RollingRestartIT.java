package org.toxgrade.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.toxgrade.bench.IngestCorpus;
import org.toxgrade.db.EmbeddedDatabase;
import org.toxgrade.ehr.sim.SimulatedEhr;
import org.toxgrade.security.LocalKeys;

/**
 * Two replicas of the packaged service on one PostgreSQL server (started here on its own, as a
 * CloudNativePG cluster would be), writing back to one simulated EHR, as the Kubernetes Deployment
 * runs them:
 * <ul>
 * <li>both start at the same moment on an empty database: Flyway's lock lets one migrate and the
 * other wait, so every migration is applied once;</li>
 * <li>a replica replaced under load, as in each step of a rolling update: a client (standing in for
 * the Service and ingress) spreads Bundles over the replicas it routes to and sends again on another
 * replica when a connection is refused or reset; one replica is taken out of routing (the endpoint
 * removal a terminating pod gets), paused (the preStop pause), sent SIGTERM while requests are still in
 * flight on it, and a new one started and routed to. No request gets a 5xx, every stored entry is
 * readable, and the EHR got each result once: one resource per business identifier and one
 * Provenance per version written, whichever replica delivered it.</li>
 * </ul>
 */
class RollingRestartIT {

    private static final int PATIENTS = 8;
    private static final List<String> BUNDLES = IngestCorpus.bundles("roll", 960, 20, PATIENTS);
    private static final Duration START = Duration.ofSeconds(120);
    private static final Pattern VERSION = Pattern.compile("\"versionId\"\\s*:\\s*\"(\\d+)\"");

    private final List<ServiceProcess> routable = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger retriedOnRefusal = new AtomicInteger();

    @Test
    void twoReplicasMigrateOnceAndARollingRestartLosesNothingAndWritesBackOnce() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "lifecycle", "rolling-" + System.currentTimeMillis()));
        Path data = root.resolve("data");
        // One key pair for both replicas, made before they start, so a token is valid at either.
        LocalKeys.loadOrCreate(data);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(root.resolve("postgres"), "toxgrade", 0, false);
                SimulatedEhr ehr = SimulatedEhr.start(0)) {
            Map<String, String> env = new HashMap<>();
            env.put("TOXGRADE_EMBEDDED_DB_ENABLED", "false");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            env.put("TOXGRADE_EHR_BASE_URL", ehr.baseUrl() + "/fhir");
            env.put("TOXGRADE_OUTBOX_DISPATCH_INTERVAL", "500ms");

            CompletableFuture<ServiceProcess> startingA = startAsync(data, root.resolve("a1.log"), env);
            CompletableFuture<ServiceProcess> startingB = startAsync(data, root.resolve("b1.log"), env);
            long starting = System.nanoTime();
            ServiceProcess a = startingA.join();
            ServiceProcess b = startingB.join();
            System.out.printf("rolling restart: both replicas ready %d ms after starting together%n",
                    (System.nanoTime() - starting) / 1_000_000);
            try {
                assertEachMigrationAppliedOnce(database.jdbcUrl());
                routable.addAll(List.of(a, b));

                // B is replaced under load (each replica's turn in a rollout is the same), then the
                // rest of the load goes to A and the new B.
                sendWhileStopping(BUNDLES.subList(0, BUNDLES.size() / 2), b);
                b = ServiceProcess.start(data, root.resolve("b2.log"), START, env);
                routable.add(b);
                send(BUNDLES.subList(BUNDLES.size() / 2, BUNDLES.size()), 2);

                assertEquals(List.of(), failures, "answers other than 200 during the rolling restart");
                assertEquals(BUNDLES.size() * 20 + PATIENTS * 2, stored.size(), "every entry answered as stored");
                for (String location : stored) {
                    String current = location.replaceAll("/_history/.*", "");
                    assertEquals(200, a.get("/fhir/" + current).statusCode(), current + " is readable");
                }
                long delivering = System.nanoTime();
                awaitOutboxDelivered(database.jdbcUrl());
                System.out.printf("rolling restart: outbox delivered %d ms after the load%n",
                        (System.nanoTime() - delivering) / 1_000_000);
                assertEachResultWrittenBackOnce(ehr);
                System.out.printf("rolling restart: %d entries stored, %d requests sent again after a refusal%n",
                        stored.size(), retriedOnRefusal.get());
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static CompletableFuture<ServiceProcess> startAsync(Path data, Path log, Map<String, String> env) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ServiceProcess.start(data, log, START, env);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Sends {@code bundles} over the routable replicas; a third of the way in, stops {@code leaving}. */
    private void sendWhileStopping(List<String> bundles, ServiceProcess leaving) throws Exception {
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> send(bundles, 2));
        int target = stored.size() + bundles.size() * 20 / 3;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (stored.size() < target && System.nanoTime() < deadline && !load.isDone()) {
            Thread.sleep(50);
        }
        routable.remove(leaving);
        Thread.sleep(1_000);
        assertEquals(143, leaving.terminate(Duration.ofSeconds(60)), "stopped by SIGTERM");
        load.join();
    }

    /** {@code senders} threads take Bundles in turn, each to the next routable replica. */
    private void send(List<String> bundles, int senders) {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(bundles);
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            threads.add(CompletableFuture.runAsync(() -> {
                String bundle;
                while ((bundle = queue.poll()) != null) {
                    sendOne(bundle);
                }
            }));
        }
        threads.forEach(CompletableFuture::join);
    }

    private void sendOne(String bundle) {
        for (int attempt = 0; attempt < 10; attempt++) {
            ServiceProcess target = routable.get(Math.floorMod(next.getAndIncrement(), routable.size()));
            HttpResponse<String> answer;
            try {
                answer = target.postBundle(bundle, Duration.ofSeconds(60));
            } catch (IOException e) {
                // A refused or reset connection: the balancer sends it to another replica.
                retriedOnRefusal.incrementAndGet();
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (answer.statusCode() != 200) {
                failures.add(answer.statusCode() + ": " + answer.body());
                return;
            }
            for (JsonNode entry : ServiceProcess.json(answer.body()).path("entry")) {
                String status = entry.path("response").path("status").asText();
                if (!status.startsWith("200") && !status.startsWith("201")) {
                    failures.add("entry " + status);
                } else {
                    stored.add(entry.path("response").path("location").asText());
                }
            }
            return;
        }
        failures.add("no replica took the request");
    }

    private static void assertEachMigrationAppliedOnce(String jdbcUrl) throws SQLException, IOException {
        long migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        Map<String, Integer> applied = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER, "");
                ResultSet rows = connection.createStatement().executeQuery(
                        "select version, count(*) from flyway_schema_history where success group by version")) {
            while (rows.next()) {
                applied.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertEquals(migrations, applied.size(), "every migration applied: " + applied);
        assertEquals(Set.of(1), Set.copyOf(applied.values()), "each migration applied once: " + applied);
    }

    private static void awaitOutboxDelivered(String jdbcUrl) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        Map<String, Integer> states = Map.of();
        while (System.nanoTime() < deadline) {
            states = new TreeMap<>();
            try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER, "");
                    ResultSet rows = connection.createStatement().executeQuery(
                            "select state, count(*) from outbox group by state")) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getInt(2));
                }
            }
            if (states.containsKey("sent") && !states.containsKey("pending") && !states.containsKey("sending")) {
                break;
            }
            Thread.sleep(500);
        }
        assertTrue(states.containsKey("sent") && !states.containsKey("pending") && !states.containsKey("sending")
                && !states.containsKey("dead"), "every outbox row delivered: " + states);
    }

    private static void assertEachResultWrittenBackOnce(SimulatedEhr ehr) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        JsonNode provenances = resources(http, ehr, "Provenance");
        Map<String, Long> provenancesByTarget = new HashMap<>();
        for (JsonNode provenance : provenances) {
            for (JsonNode target : provenance.path("target")) {
                provenancesByTarget.merge(target.path("reference").asText().replaceAll("/_history/.*", ""), 1L,
                        Long::sum);
            }
        }
        int results = 0;
        for (String type : List.of("Condition", "Flag")) {
            Map<String, List<JsonNode>> byIdentifier = new HashMap<>();
            for (JsonNode resource : resources(http, ehr, type)) {
                byIdentifier.computeIfAbsent(resource.path("identifier").path(0).path("value").asText(),
                        k -> new ArrayList<>()).add(resource);
            }
            Map<String, Integer> duplicated = byIdentifier.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
            assertEquals(Map.of(), duplicated, type + "s written more than once");
            for (List<JsonNode> one : byIdentifier.values()) {
                JsonNode resource = one.get(0);
                Matcher version = VERSION.matcher(resource.path("meta").toString());
                assertTrue(version.find());
                String reference = type + "/" + resource.path("id").asText();
                assertEquals(Long.parseLong(version.group(1)), provenancesByTarget.getOrDefault(reference, 0L),
                        "one Provenance per version of " + reference);
                results++;
            }
        }
        assertTrue(results > 0, "results were written back");
    }

    private static JsonNode resources(java.net.http.HttpClient http, SimulatedEhr ehr, String type)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                ehr.baseUrl() + "/_sim/resources?type=" + type)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return ServiceProcess.json(answer.body());
    }
}
