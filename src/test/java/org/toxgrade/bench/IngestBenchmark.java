package org.toxgrade.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest benchmark: sends the generated corpus ({@link IngestCorpus}, by default 10,000
 * Observations in 200 batch Bundles of 50 over 20 patients) to any FHIR base URL at each
 * concurrency, then measures the cost of one more write and a backfill for one patient, and prints
 * a table. The same run against a peer FHIR server (e.g. a HAPI FHIR JPA server) measures both on
 * the same data. Not a test; run it against a running service:
 * <pre>
 * ./mvnw -B -q -Pbench verify -Dbench.base=http://localhost:8080/fhir
 * </pre>
 * Properties: {@code bench.base}, {@code bench.token} (a bearer token; none when the target does
 * not check them), {@code bench.observations} (10000), {@code bench.per-bundle} (50),
 * {@code bench.patients} (20), {@code bench.concurrency} (1,2,4,8), {@code bench.rounds} (1),
 * {@code bench.backfill} (20000), {@code bench.one-more} (50), {@code bench.pid} (the target's
 * process id, for its resident memory).
 */
public final class IngestBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    private IngestBenchmark(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        IngestBenchmark bench = new IngestBenchmark(System.getProperty("bench.base", "http://localhost:8080/fhir"),
                System.getProperty("bench.token", ""));
        int observations = Integer.getInteger("bench.observations", 10_000);
        int perBundle = Integer.getInteger("bench.per-bundle", 50);
        int patients = Integer.getInteger("bench.patients", 20);
        int rounds = Integer.getInteger("bench.rounds", 1);
        int backfill = Integer.getInteger("bench.backfill", 20_000);
        int oneMore = Integer.getInteger("bench.one-more", 50);
        String run = "b" + Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("target %s, corpus %d Observations in Bundles of %d over %d patients, %d round(s)%n",
                bench.base, observations, perBundle, patients, rounds);
        System.out.println("| concurrency | round | obs/s | wall s | request p50 ms | request p95 ms | non-2xx |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String c : System.getProperty("bench.concurrency", "1,2,4,8").split(",")) {
            int concurrency = Integer.parseInt(c.trim());
            for (int round = 1; round <= rounds; round++) {
                List<String> corpus = IngestCorpus.bundles(run + "c" + concurrency + "r" + round, observations,
                        perBundle, patients);
                Result r = bench.send(corpus, concurrency);
                System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", concurrency, round,
                        observations / r.seconds(), r.seconds(), r.p(0.5), r.p(0.95), r.failures());
            }
        }
        if (backfill > 0) {
            String prefix = run + "bf";
            List<String> corpus = IngestCorpus.bundles(prefix, backfill, 100, 1);
            Result r = bench.send(corpus, 1);
            System.out.printf(Locale.ROOT, "backfill of %d Observations for one patient in Bundles of 100: %.1f s "
                    + "(%.0f obs/s, request p50 %.1f ms, p95 %.1f ms, non-2xx %d)%n", backfill, r.seconds(),
                    backfill / r.seconds(), r.p(0.5), r.p(0.95), r.failures());
            double[] one = new double[oneMore];
            int failures = 0;
            for (int i = 0; i < oneMore; i++) {
                String id = prefix + "-more" + i;
                String body = IngestCorpus.observation(id, prefix + "-p0",
                        Instant.parse("2026-03-20T10:00:00Z").plusSeconds(60L * i), i);
                long t = System.nanoTime();
                int status = bench.put("Observation/" + id, body);
                one[i] = (System.nanoTime() - t) / 1e6;
                failures += status / 100 == 2 ? 0 : 1;
            }
            Arrays.sort(one);
            System.out.printf(Locale.ROOT, "one more write at %d facts (single PUT, %d times): p50 %.1f ms, "
                    + "p95 %.1f ms, non-2xx %d%n", backfill, oneMore, one[oneMore / 2],
                    one[(int) Math.ceil(oneMore * 0.95) - 1], failures);
        }
        if (backfill > 0) {
            String file = IngestCorpus.ndjson(run + "imp", backfill);
            long t = System.nanoTime();
            String status = bench.importFile(file);
            System.out.printf(Locale.ROOT, "backfill of %d Observations for one patient through $import (%d MB NDJSON,"
                    + " derived once at the end): %.1f s (%.0f obs/s): %s%n", backfill, file.length() / 1_000_000,
                    (System.nanoTime() - t) / 1e9, backfill / ((System.nanoTime() - t) / 1e9), status);
        }
        int alerts = Integer.getInteger("bench.alerts", 40);
        if (alerts > 0) {
            bench.alertLatency(run + "al", alerts, Integer.getInteger("bench.background-rate", 50));
        }
        String pid = System.getProperty("bench.pid");
        if (pid != null) {
            System.out.println("target resident memory: " + rss(pid));
        }
    }

    private record Result(double seconds, double[] latenciesMs, int failures) {

        double p(double q) {
            return latenciesMs.length == 0 ? 0 : latenciesMs[Math.max(0, (int) Math.ceil(latenciesMs.length * q) - 1)];
        }
    }

    private Result send(List<String> bundles, int concurrency) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(bundles);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    for (String bundle = queue.poll(); bundle != null; bundle = queue.poll()) {
                        long t = System.nanoTime();
                        int status = post(bundle);
                        latencies.add((System.nanoTime() - t) / 1e6);
                        if (status / 100 != 2) {
                            failures.incrementAndGet();
                            synchronized (statuses) {
                                statuses.merge(status, 1, Integer::sum);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!statuses.isEmpty()) {
            System.out.println("non-2xx answers by status: " + statuses);
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(seconds, sorted, failures.get());
    }

    /**
     * Decisive Observation to readable Condition: for each of {@code alerts} new patients (Patient
     * and infusion sent first, not timed) a fever of 39.2 °C is written and the CRS Condition polled
     * for every 5 ms, while a background sender writes {@code rate} Observations a second to other
     * patients.
     */
    private void alertLatency(String prefix, int alerts, int rate) throws Exception {
        for (String bundle : IngestCorpus.bundles(prefix + "bg", 10, 1, 10)) {
            post(bundle);
        }
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger background = new AtomicInteger();
        // Ten ticks a second, each a batch of rate/10 Observations to the ten background patients, sent
        // by a pool of four so that a slow answer does not slow the rate.
        ExecutorService senders = Executors.newFixedThreadPool(4);
        int perTick = Math.max(1, rate / 10);
        Thread sender = new Thread(() -> {
            long next = System.nanoTime();
            for (int tick = 0; !stop.get(); tick++) {
                StringBuilder entries = new StringBuilder();
                for (int j = 0; j < perTick; j++) {
                    int k = tick * perTick + j;
                    String id = prefix + "bg-x" + k;
                    if (j > 0) {
                        entries.append(',');
                    }
                    entries.append(IngestCorpus.entry("Observation", id, IngestCorpus.observation(id,
                            prefix + "bg-p" + (k % 10), Instant.parse("2026-03-02T12:00:00Z").plusSeconds(6L * k), k)));
                }
                String bundle = IngestCorpus.batch(entries.toString());
                senders.submit(() -> {
                    if (post(bundle) / 100 == 2) {
                        background.addAndGet(perTick);
                    }
                });
                next += 100_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        });
        long started = System.nanoTime();
        sender.start();
        double[] latencies = new double[alerts];
        int missing = 0;
        try {
            for (int i = 0; i < alerts; i++) {
                String patient = prefix + "-a" + i;
                post(IngestCorpus.bundles(patient, 1, 1, 1).get(0));
                String fever = IngestCorpus.observation(patient + "-fever", patient + "-p0",
                        Instant.parse("2026-03-02T18:00:00Z"), 0).replaceAll("\"value\":[0-9.]+", "\"value\":39.2");
                long t = System.nanoTime();
                put("Observation/" + patient + "-fever", fever);
                boolean seen = false;
                while (!seen && System.nanoTime() - t < 10_000_000_000L) {
                    seen = conditionReadable(patient + "-p0");
                    if (!seen) {
                        Thread.sleep(5);
                    }
                }
                latencies[i] = (System.nanoTime() - t) / 1e6;
                missing += seen ? 0 : 1;
            }
        } finally {
            stop.set(true);
            sender.join();
            senders.shutdown();
            senders.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "alert latency (fever to readable CRS Condition, %d patients, background %.0f"
                + " obs/s): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, never seen %d%n", alerts,
                background.get() / seconds, latencies[alerts / 2], latencies[(int) Math.ceil(alerts * 0.95) - 1],
                latencies[(int) Math.ceil(alerts * 0.99) - 1], latencies[alerts - 1], missing);
    }

    private boolean conditionReadable(String patient) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/Condition?patient=" + patient))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/fhir+json");
        HttpResponse<String> answer = http.send(token.isEmpty()
                ? b.build()
                : b.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 && answer.body().contains("\"crs\"");
    }

    /** Posts the file to {@code $import} and polls its status until done, drawing the progress. */
    private String importFile(String ndjson) throws Exception {
        HttpRequest.Builder kickOff = HttpRequest.newBuilder(URI.create(base + "/$import"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/fhir+ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson));
        HttpResponse<String> accepted = http.send(token.isEmpty()
                ? kickOff.build()
                : kickOff.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            return "kick-off answered " + accepted.statusCode() + " " + accepted.body();
        }
        URI status = URI.create(accepted.headers().firstValue("Content-Location").orElseThrow());
        while (true) {
            HttpRequest.Builder poll = HttpRequest.newBuilder(status).timeout(Duration.ofMinutes(1));
            HttpResponse<String> answer = http.send(token.isEmpty()
                    ? poll.build()
                    : poll.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                System.out.println();
                return answer.statusCode() == 200
                        ? "done"
                        : "status answered " + answer.statusCode() + " "
                                + answer.body();
            }
            System.out.print("\r$import " + answer.headers().firstValue("X-Progress").orElse("?") + "   ");
            Thread.sleep(250);
        }
    }

    private int post(String bundle) {
        return exchange(request("").POST(HttpRequest.BodyPublishers.ofString(bundle)).build());
    }

    private int put(String path, String body) {
        return exchange(request("/" + path).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json");
        return token.isEmpty() ? b : b.header("Authorization", "Bearer " + token);
    }

    private int exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }

    private static String rss(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
