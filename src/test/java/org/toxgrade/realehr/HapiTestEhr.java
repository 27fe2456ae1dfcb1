package org.toxgrade.realehr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The test EHR: a stock HAPI FHIR JPA server 8.8.0 ({@code src/test-ehr}, built by the invoker plugin into
 * {@code target/its/test-ehr}) in its own JVM, with this service's profile package installed. Started once per test
 * JVM (its start-up takes a minute or more: HAPI creates its schema) and shared by the end-to-end tests; stopped
 * when the test JVM exits. Its log is {@code target/test-ehr.log}.
 */
final class HapiTestEhr implements AutoCloseable {

    private static final Path BUILT = Path.of("target", "its", "test-ehr", "target");
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static HapiTestEhr shared;

    private final Process process;
    private final int port;

    private HapiTestEhr(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static synchronized HapiTestEhr shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
        }
        return shared;
    }

    /** A test EHR of its own (for the benchmark), not the shared one. */
    static HapiTestEhr startOwn() {
        return start();
    }

    @Override
    public void close() {
        process.destroy();
    }

    String fhirBase() {
        return "http://localhost:" + port + "/fhir";
    }

    private static HapiTestEhr start() {
        Path jar = BUILT.resolve("toxgrade-test-ehr-1.jar");
        Path classpath = BUILT.resolve("classpath.txt");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(classpath)) {
            throw new IllegalStateException("The test EHR is not built (" + jar + "). It is built by the "
                    + "maven-invoker-plugin in process-test-classes: run ./mvnw -B verify, or leave these tests "
                    + "out with -DskipRealEhr.");
        }
        try {
            int port = freePort();
            Path log = Path.of("target", "test-ehr.log");
            String javaHome = System.getProperty("java.home");
            Process process = new ProcessBuilder(List.of(Path.of(javaHome, "bin", "java").toString(), "-Xmx768m",
                    "-XX:TieredStopAtLevel=1", "-cp", jar + java.io.File.pathSeparator + Files.readString(classpath)
                            .trim(),
                    "org.toxgrade.testehr.TestEhrServer", String.valueOf(port),
                    Path.of("fhir-profiles", "package").toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            HapiTestEhr ehr = new HapiTestEhr(process, port);
            ehr.awaitReady(log);
            return ehr;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        Instant limit = Instant.now().plus(START_LIMIT);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(limit)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test EHR stopped during start-up; see " + log);
            }
            if (Files.readString(log).contains("TEST-EHR READY")) {
                try {
                    HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create(fhirBase()
                            + "/metadata")).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (metadata.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not answering yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("The test EHR did not start within " + START_LIMIT + "; see " + log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
