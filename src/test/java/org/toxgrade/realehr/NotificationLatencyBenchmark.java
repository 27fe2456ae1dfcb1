package org.toxgrade.realehr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.toxgrade.security.LocalKeys;
import org.toxgrade.security.LocalTokenCommand;
import org.toxgrade.security.TokenMinter;

/**
 * The service's own share of the alert path with a real EHR (#19): from a notification received to the EHR's
 * answer to the write-back of the CRS Condition it leads to, at a steady rate of notifications. A benchmark that
 * prints numbers, never a test. It starts the HAPI FHIR test EHR and the packaged service (embedded PostgreSQL,
 * defaults except the EHR and subscription settings), then for each of {@code bench.patients} new patients (their
 * Patient on the EHR first) sends a fever Observation to {@code PUT /notify/ehr/Observation/{id}} at
 * {@code bench.rate} per second, as HAPI sends a rest-hook with payload. Per patient: the inbox entry's
 * {@code receivedAt} and the outbox row's {@code updatedAt} once {@code sent} (both the database's clock), found by
 * the Condition's identifier on the EHR. HAPI's own delivery delay (its write to our endpoint) is measured apart:
 * Observations written to HAPI, time until the service has stored them.
 *
 * <pre>
 * ./mvnw -B -q package -DskipTests
 * ./mvnw -B -q process-test-classes org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.mainClass=org.toxgrade.realehr.NotificationLatencyBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class NotificationLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "latency-benchmark-secret-6a2f";
    private static final String DERIVED = "http://toxgrade.org/fhir/sid/derived-result|";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ehr;
    private final String service;
    private final String token;

    private NotificationLatencyBenchmark(String ehr, String service, String token) {
        this.ehr = ehr;
        this.service = service;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        int patients = Integer.getInteger("bench.patients", 100);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "5"));
        Path dataDir = Files.createTempDirectory("toxgrade-latency-bench");
        Path log = Path.of("target", "latency-benchmark-service.log");
        try (HapiTestEhr testEhr = HapiTestEhr.startOwn()) {
            int port = freePort();
            int management = freePort();
            Process service = startService(testEhr.fhirBase(), dataDir, log, port, management);
            try {
                awaitReady(management, service, log);
                String token = TokenMinter.mintLocal(LocalKeys.loadOrCreate(dataDir), "latency-benchmark",
                        LocalTokenCommand.DEFAULT_SCOPES, Duration.ofHours(2));
                NotificationLatencyBenchmark bench = new NotificationLatencyBenchmark(testEhr.fhirBase(),
                        "http://localhost:" + port, token);
                bench.run(patients, rate);
            } finally {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void run(int patients, double rate) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        // Warm-up: the first write-back after start-up waits for the outbound validator.
        Instant warm = Instant.now();
        List<Sent> warmUp = send("lw" + run, 3, 1.0);
        for (Sent sent : warmUp) {
            awaitCondition(sent.patient(), Duration.ofMinutes(3));
        }
        System.out.printf(Locale.ROOT, "warm-up: first write-backs after start-up done in %d ms%n",
                Duration.between(warm, Instant.now()).toMillis());

        List<Sent> sent = send("lb" + run, patients, rate);
        Map<String, Instant> sentByIdentifier = sentRows();
        double[] latencies = new double[patients];
        int missing = 0;
        for (int i = 0; i < patients; i++) {
            String identifier = awaitCondition(sent.get(i).patient(), Duration.ofMinutes(2));
            Instant received = receivedAt(sent.get(i).inboxEntry());
            Instant written = identifier == null ? null : sentByIdentifier.get(identifier);
            if (written == null && identifier != null) {
                sentByIdentifier = sentRows();
                written = sentByIdentifier.get(identifier);
            }
            if (written == null) {
                missing++;
                latencies[i] = Double.MAX_VALUE;
            } else {
                latencies[i] = Duration.between(received, written).toNanos() / 1e6;
            }
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "notification received to the EHR's answer to the write-back (%d patients, "
                + "%.1f notifications/s): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms, never written %d%n",
                patients, rate, latencies[patients / 2], latencies[(int) Math.ceil(patients * 0.95) - 1],
                latencies[(int) Math.ceil(patients * 0.99) - 1], latencies[patients - 1 - missing], missing);

        ehrDeliveryDelay("ld" + run, 10);
    }

    private record Sent(String patient, long inboxEntry) {
    }

    /** Each patient: its Patient on the EHR, then a fever notification to the service, at {@code rate} per second. */
    private List<Sent> send(String prefix, int count, double rate) throws Exception {
        for (int i = 0; i < count; i++) {
            String patient = prefix + "-p" + i;
            put(ehr + "/Patient/" + patient, "{\"resourceType\":\"Patient\",\"id\":\"" + patient
                    + "\",\"birthDate\":\"1968-05-01\"}", Map.of());
        }
        // The infusions first (each patient in monitoring), then the timed fevers alone at the rate.
        for (int i = 0; i < count; i++) {
            String patient = prefix + "-p" + i;
            check(put(service + "/notify/ehr/MedicationAdministration/" + patient + "-cart",
                    versioned(infusion(patient)), Map.of("Authorization", "Bearer " + SECRET)));
        }
        for (int i = 0; i < count; i++) {
            awaitStored("MedicationAdministration", prefix + "-p" + i + "-cart");
        }
        List<Sent> sent = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long period = (long) (1_000_000_000L / rate);
        List<java.util.concurrent.ScheduledFuture<Sent>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String patient = prefix + "-p" + i;
            futures.add(clock.schedule(() -> {
                HttpResponse<String> answer = put(service + "/notify/ehr/Observation/" + patient + "-fever",
                        versioned(fever(patient)), Map.of("Authorization", "Bearer " + SECRET));
                check(answer);
                return new Sent(patient, Long.parseLong(answer.headers().firstValue("X-Inbox-Entry").orElseThrow()));
            }, i * period, TimeUnit.NANOSECONDS));
        }
        for (var future : futures) {
            sent.add(future.get());
        }
        clock.shutdown();
        return sent;
    }

    private void awaitStored(String type, String id) throws Exception {
        Instant limit = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(limit)) {
            if (get(service + "/fhir/" + type + "/" + id, auth()).statusCode() == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(type + "/" + id + " not stored within 2 minutes");
    }

    /** The derived-result identifier of the patient's CRS Condition on the EHR, once it is there. */
    private String awaitCondition(String patient, Duration within) throws Exception {
        Instant limit = Instant.now().plus(within);
        while (Instant.now().isBefore(limit)) {
            JsonNode bundle = getJson(ehr + "/Condition?subject=Patient/" + patient + "&identifier="
                    + URLEncoder.encode(DERIVED, StandardCharsets.UTF_8), Map.of("Cache-Control", "no-cache"));
            for (JsonNode entry : bundle.path("entry")) {
                if (entry.path("resource").toString().contains("toxgrade-crs-condition")) {
                    return entry.path("resource").path("identifier").path(0).path("value").asText();
                }
            }
            Thread.sleep(200);
        }
        return null;
    }

    /** The first {@code sent} time of each identifier's outbox rows. */
    private Map<String, Instant> sentRows() throws Exception {
        JsonNode rows = getJson(service + "/ops/outbox/rows?state=sent&_count=1000", auth());
        Map<String, Instant> first = new HashMap<>();
        for (JsonNode row : rows.path("rows")) {
            Instant at = OffsetDateTime.parse(row.path("updatedAt").asText()).toInstant();
            first.merge(row.path("identifier").asText(), at, (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }

    private Instant receivedAt(long entry) throws Exception {
        return Instant.parse(getJson(service + "/ops/subscriptions/inbox/" + entry, auth()).path("receivedAt")
                .asText());
    }

    /** HAPI's own share: an Observation written to HAPI until the service has stored it (delivery and processing). */
    private void ehrDeliveryDelay(String prefix, int count) throws Exception {
        double[] delays = new double[count];
        for (int i = 0; i < count; i++) {
            String patient = prefix + "-p" + i;
            put(ehr + "/Patient/" + patient, "{\"resourceType\":\"Patient\",\"id\":\"" + patient
                    + "\",\"birthDate\":\"1968-05-01\"}", Map.of());
            Instant written = Instant.now();
            check(put(ehr + "/Observation/" + patient + "-fever", fever(patient), Map.of()));
            Instant limit = written.plusSeconds(120);
            while (Instant.now().isBefore(limit)) {
                if (get(service + "/fhir/Observation/" + patient + "-fever", auth()).statusCode() == 200) {
                    break;
                }
                Thread.sleep(50);
            }
            delays[i] = Duration.between(written, Instant.now()).toNanos() / 1e6;
        }
        Arrays.sort(delays);
        System.out.printf(Locale.ROOT, "HAPI FHIR's delivery (written on HAPI to stored by the service, %d "
                + "Observations one after another): p50 %.0f ms, max %.0f ms%n", count, delays[count / 2],
                delays[count - 1]);
    }

    private static String fever(String patient) {
        return """
                {"resourceType":"Observation","id":"%s-fever","status":"final",
                 "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category",
                                         "code":"vital-signs"}]}],
                 "code":{"coding":[{"system":"http://loinc.org","code":"8310-5"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s",
                 "valueQuantity":{"value":39.1,"unit":"Cel","system":"http://unitsofmeasure.org","code":"Cel"}}"""
                .formatted(patient, patient, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String infusion(String patient) {
        return """
                {"resourceType":"MedicationAdministration","id":"%s-cart","status":"completed",
                 "medicationCodeableConcept":{"coding":[{"system":"http://toxgrade.org/fhir/CodeSystem/toxgrade-medication",
                   "code":"car-t-product"}]},
                 "subject":{"reference":"Patient/%s"},"effectiveDateTime":"%s"}"""
                .formatted(patient, patient, Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String versioned(String resource) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                .readTree(resource);
        node.putObject("meta").put("versionId", "1").put("lastUpdated", Instant.now().toString());
        return node.toString();
    }

    private static Process startService(String ehrBase, Path dataDir, Path log, int port, int management)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar",
                Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath()
                        .toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("TOXGRADE_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        env.put("TOXGRADE_EHR_BASE_URL", ehrBase);
        env.put("TOXGRADE_SUBSCRIPTION_ENABLED", "true");
        env.put("TOXGRADE_SUBSCRIPTION_PUBLIC_BASE_URL", "http://localhost:" + port);
        env.put("TOXGRADE_SUBSCRIPTION_SOURCES_EHR_SECRET", SECRET);
        return builder.start();
    }

    private static void awaitReady(int management, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant limit = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(limit)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within 3 minutes; see " + log);
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> put(String url, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/fhir+json").PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String url, Map<String, String> headers) throws Exception {
        HttpResponse<String> response = get(url, headers);
        check(response);
        return JSON.readTree(response.body());
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
