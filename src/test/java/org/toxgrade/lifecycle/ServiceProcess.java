package org.toxgrade.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.toxgrade.security.LocalKeys;
import org.toxgrade.security.TokenMinter;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as its own operating-system
 * process, the way an operator runs it, on a given data directory: so that a test can kill it with
 * SIGKILL or stop it with SIGTERM and start it again on the same data.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final int httpPort;
    final int managementPort;
    final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    private ServiceProcess(Path dataDir, Path log, Map<String, String> environment) throws IOException {
        this.dataDir = dataDir;
        this.log = log;
        this.httpPort = freePort();
        this.managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("TOXGRADE_DATA_DIR", dataDir.toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        builder.environment().putAll(environment);
        this.process = builder.start();
    }

    /** Starts the service on {@code dataDir} and waits until it is ready; fails after {@code within}. */
    static ServiceProcess start(Path dataDir, Path log, Duration within) throws IOException, InterruptedException {
        return start(dataDir, log, within, Map.of());
    }

    /** The same, with settings given as environment variables, as a container is configured. */
    static ServiceProcess start(Path dataDir, Path log, Duration within, Map<String, String> environment)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        ServiceProcess service = new ServiceProcess(dataDir, log, environment);
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.process.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.process.exitValue()
                        + " while starting; see " + log);
            }
            if (service.ready()) {
                // Signed with the local key the service created in its data directory on first start.
                service.token = TokenMinter.mintLocal(LocalKeys.loadOrCreate(dataDir), "lifecycle-test",
                        org.toxgrade.security.LocalTokenCommand.DEFAULT_SCOPES, Duration.ofHours(1));
                return service;
            }
            Thread.sleep(200);
        }
        service.process.destroyForcibly();
        throw new IllegalStateException("the service was not ready within " + within + "; see " + log);
    }

    boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                    + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** POSTs a FHIR batch Bundle; the answer's status and body (throws when no answer came). */
    HttpResponse<String> postBundle(String bundle, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/fhir"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** SIGKILL: no shutdown hook runs; the embedded PostgreSQL is left behind, as after a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as Kubernetes and systemd stop a service; the exit code once it has stopped. */
    int terminate(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not stop within " + within + "; see " + log);
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(60));
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
