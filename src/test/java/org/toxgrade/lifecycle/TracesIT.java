package org.toxgrade.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.bench.IngestCorpus;

/**
 * OpenTelemetry traces as an operator turns them on: with only an OTLP endpoint configured, the
 * packaged service exports the spans of an ingest request, of the derivation it runs and of the
 * outbox run (write-back) to the collector (here a local OTLP/HTTP receiver that keeps what it gets);
 * with no endpoint it exports nothing and logs no export failure.
 */
class TracesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void withAnEndpointTheIngestDerivationAndWriteBackSpansReachTheCollector() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "lifecycle", "traces-" + System.currentTimeMillis()));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.writeBytes(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        String batch = IngestCorpus.bundles("traced", 20, 20, 1).get(0);
        try (ServiceProcess service = ServiceProcess.start(root.resolve("data"), root.resolve("traced.log"),
                Duration.ofSeconds(120), Map.of(
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                        "http://127.0.0.1:" + collector.getAddress().getPort(),
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"))) {
            assertEquals(200, service.postBundle(batch, Duration.ofSeconds(60)).statusCode());
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> spans = List.of("POST /fhir", "toxgrade.derivation", "toxgrade.write-back");
            while (System.nanoTime() < deadline && !spans.stream().allMatch(name -> exported(received, name))) {
                Thread.sleep(200);
            }
            for (String span : spans) {
                assertTrue(exported(received, span), "span " + span + " exported");
            }
        } finally {
            collector.stop(0);
        }

        // The same service without an endpoint, batching spans as quickly: were the SDK on, its exports to
        // the default endpoint (localhost:4317, where nothing listens) would fail and say so in the log.
        Path quiet = root.resolve("quiet.log");
        try (ServiceProcess service = ServiceProcess.start(root.resolve("data"), quiet, Duration.ofSeconds(120),
                Map.of("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"))) {
            assertEquals(200, service.postBundle(IngestCorpus.bundles("untraced", 5, 5, 1).get(0),
                    Duration.ofSeconds(60)).statusCode());
            Thread.sleep(3_000);
        }
        List<String> exportProblems = Files.readAllLines(quiet).stream()
                .filter(line -> line.contains("WARN") || line.contains("ERROR") || line.contains("SEVERE"))
                .filter(line -> line.toLowerCase().matches(".*(export|otlp|opentelemetry|io\\.ope).*")).toList();
        assertEquals(List.of(), exportProblems, "see " + quiet);
    }

    /** Span names are plain UTF-8 strings in the OTLP protobuf payload. */
    private static boolean exported(ByteArrayOutputStream received, String spanName) {
        synchronized (received) {
            return new String(received.toByteArray(), StandardCharsets.ISO_8859_1)
                    .contains(new String(spanName.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }
}
