package org.toxgrade.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service killed with SIGKILL leaves its embedded PostgreSQL running (the server is detached from
 * the JVM), and a postmaster.pid can name a process that is not that server at all. The next start
 * must come up on the same data within seconds, stop only its own server and leave every other
 * process alone. The bound of 30 s is generous on purpose (a start takes under a second here;
 * before the fix it failed after 60 s); each test prints what it measured.
 */
class StaleServerTest {

    private static final Duration CAME_UP = Duration.ofSeconds(30);

    /** What the tests started, ended after each test whatever happened. */
    private final List<Process> started = new ArrayList<>();
    private final List<Long> orphans = new ArrayList<>();
    private Path orphansDirectory;

    @TempDir
    Path dir;

    @AfterEach
    void endWhatTheTestStarted() throws Exception {
        for (Process process : started) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        for (long pid : orphans) {
            if (running(pid) && Files.isSameFile(Path.of("/proc", Long.toString(pid), "cwd"), orphansDirectory)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    @Test
    void aServerLeftByAKilledServiceIsStoppedAndTheNextStartTakesSeconds() throws Exception {
        Path data = dir.resolve("postgres");
        Process service = startServiceStandIn(data);
        long orphan = postmasterPid(data);
        orphans.add(orphan);
        orphansDirectory = data;
        service.destroyForcibly().waitFor();
        assertTrue(running(orphan), "the server outlives the killed service");

        long begin = System.nanoTime();
        try (EmbeddedDatabase database = assertTimeout(CAME_UP,
                () -> EmbeddedDatabase.start(data, "toxgrade", 0, true))) {
            System.out.printf("start after kill -9 of the service: %d ms%n", (System.nanoTime() - begin) / 1_000_000);
            assertEquals(ServiceStandIn.STORED, kept(database));
            assertNotEquals(orphan, postmasterPid(data));
        }
        assertFalse(running(orphan), "the server left behind was stopped");
    }

    @Test
    void aPostmasterPidNamingALiveProcessThatIsNotPostgresIsRemovedAndThatProcessLeftRunning() throws Exception {
        Path data = dir.resolve("postgres");
        String stalePidFile = initialisedCluster(data);
        Process sleeper = start(new ProcessBuilder("sleep", "300"));
        Files.writeString(data.resolve("postmaster.pid"), withPid(stalePidFile, sleeper.pid()));

        startsWithinSeconds(data, "postmaster.pid naming a live sleep");
        assertTrue(sleeper.isAlive(), "the process named in the stale file is left running");
    }

    @Test
    void aPostmasterPidNamingTheServerOfAnotherDataDirectoryLeavesThatServerRunning() throws Exception {
        Path data = dir.resolve("postgres");
        String stalePidFile = initialisedCluster(data);
        try (EmbeddedDatabase other = EmbeddedDatabase.start(dir.resolve("other"), "toxgrade", 0, false)) {
            long otherServer = postmasterPid(dir.resolve("other"));
            Files.writeString(data.resolve("postmaster.pid"), withPid(stalePidFile, otherServer));

            startsWithinSeconds(data, "postmaster.pid naming another directory's server");
            assertTrue(running(otherServer), "the other directory's server is left running");
            try (Connection connection = DriverManager.getConnection(other.jdbcUrl(), EmbeddedDatabase.USER, "")) {
                assertTrue(connection.isValid(5));
            }
        }
    }

    @Test
    void aPostmasterPidNamingAServerThatDiedUnreapedDoesNotBlockTheStart() throws Exception {
        Path data = dir.resolve("postgres");
        String stalePidFile = initialisedCluster(data);
        // The child ends at once, but its parent (sleep, after exec) never reaps it: a zombie, which
        // kill(pid, 0) - and so PostgreSQL - still takes for a running server. This is how a killed
        // server looks under an init that does not reap, as on this machine.
        Process parent = start(new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 300"));
        long zombie = Long.parseLong(firstLine(parent));
        awaitZombie(zombie);
        Files.writeString(data.resolve("postmaster.pid"), withPid(stalePidFile, zombie));

        startsWithinSeconds(data, "postmaster.pid naming a zombie");
    }

    @Test
    void theSocketLockOfAServerThatDiedUnreapedDoesNotBlockTheStartOnItsPort() throws Exception {
        Path data = dir.resolve("postgres");
        String stalePidFile = initialisedCluster(data);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // Where PostgreSQL puts the lock of its Unix socket by default, naming the server's process.
        Path socketLock = Path.of("/tmp", ".s.PGSQL." + port + ".lock");
        assumeFalse(Files.exists(socketLock), "another server's socket lock is there");
        Process parent = start(new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 300"));
        long zombie = Long.parseLong(firstLine(parent));
        awaitZombie(zombie);
        String lock = withPid(stalePidFile, zombie);
        Files.writeString(socketLock, lock);
        try {
            startsWithinSeconds(data, port, "socket lock naming a zombie");
        } finally {
            // Only the file this test wrote: /tmp is shared with every server of the machine.
            if (Files.exists(socketLock) && Files.readString(socketLock).equals(lock)) {
                Files.delete(socketLock);
            }
        }
    }

    private void startsWithinSeconds(Path data, String situation) {
        startsWithinSeconds(data, 0, situation);
    }

    private void startsWithinSeconds(Path data, int port, String situation) {
        long begin = System.nanoTime();
        assertTimeout(CAME_UP, () -> {
            try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "toxgrade", port, true);
                    Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER,
                            "")) {
                assertTrue(connection.isValid(5));
            }
        });
        System.out.printf("start with a %s: %d ms%n", situation, (System.nanoTime() - begin) / 1_000_000);
    }

    /** Makes the cluster and returns the postmaster.pid its server wrote, to be left behind later. */
    private static String initialisedCluster(Path data) throws IOException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(data, "toxgrade", 0, true)) {
            return Files.readString(data.resolve("postmaster.pid"));
        }
    }

    private static String withPid(String pidFile, long pid) {
        return pid + pidFile.substring(pidFile.indexOf('\n'));
    }

    private Process startServiceStandIn(Path data) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, ServiceStandIn.class.getName(), data.toString())
                .redirectError(dir.resolve("stand-in.log").toFile());
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process service = start(builder);
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> reader(service).lines()
                .anyMatch(ServiceStandIn.READY::equals));
        assertTrue(ready.get(120, TimeUnit.SECONDS),
                () -> "the stand-in service did not start; see " + dir.resolve("stand-in.log"));
        return service;
    }

    private Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static String firstLine(Process process) throws Exception {
        return CompletableFuture.supplyAsync(() -> reader(process).lines().findFirst().orElseThrow())
                .get(30, TimeUnit.SECONDS).trim();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    private static String kept(EmbeddedDatabase database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select value from kept")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Running as the kernel sees it: a zombie has ended, though kill(pid, 0) still succeeds on it. */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitZombie(long pid) throws Exception {
        for (int i = 0; i < 100 && running(pid); i++) {
            Thread.sleep(100);
        }
        assertFalse(running(pid), "the child should have ended");
        assertTrue(Files.exists(Path.of("/proc", Long.toString(pid))), "and still be in the process table");
    }
}
