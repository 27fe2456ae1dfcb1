package org.toxgrade.db;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the embedded server again when it dies under the running service. The server is a process
 * of its own (killed by the OOM killer, by a crash, by an operator); without this the datasources
 * point at a port nobody serves and readiness stays DOWN until the whole service is restarted. The
 * server comes back on the same data directory with the options it ran with (the same port, so the
 * connection pools reconnect by themselves, and the same durability settings); PostgreSQL replays
 * its WAL first, as after any crash.
 */
final class ServerKeeper implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerKeeper.class);
    /** How soon a dead server is noticed: a look into /proc, cheap enough to take each second. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration START_WAIT = Duration.ofSeconds(60);
    /** Failed attempts are spaced 1, 2, 4 ... s apart up to this, not to flood the log. */
    private static final long LONGEST_PAUSE_SECONDS = 30;

    private final Path dataDirectory;
    private final Path log;
    private final PgCtl pgCtl;
    private final ScheduledExecutorService scheduler;

    private long serverPid;
    private boolean down;
    private long downSince;
    private long nextAttempt;
    private int failures;
    private boolean closed;

    private ServerKeeper(Path dataDirectory, Path log, Path postgres, long serverPid) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.pgCtl = PgCtl.beside(postgres, log);
        this.serverPid = serverPid;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-keeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Watches the server now running on {@code dataDirectory}. */
    static ServerKeeper watch(Path dataDirectory, Path log) throws IOException {
        long pid = PostmasterPidFile.in(dataDirectory)
                .orElseThrow(() -> new IOException(DatabaseError.SERVER_NOT_FOUND.message(dataDirectory)))
                .pid();
        Path postgres = ProcessProbe.executable(pid)
                .orElseThrow(() -> new IOException(DatabaseError.SERVER_NOT_FOUND.message(dataDirectory)));
        ServerKeeper keeper = new ServerKeeper(dataDirectory, log, postgres, pid);
        long every = CHECK_EVERY.toMillis();
        keeper.scheduler.scheduleWithFixedDelay(keeper::check, every, every, TimeUnit.MILLISECONDS);
        return keeper;
    }

    /** Synchronized with {@link #close()}: a restart is never under way while the server is stopped. */
    synchronized void check() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        if (!down) {
            // Not only "is the number in use": by the next look a dead server's number may belong
            // to another program. Where a process cannot be looked at, it is left alone.
            ProcessProbe.Identity server = ProcessProbe.identify(serverPid, dataDirectory);
            if (server == ProcessProbe.Identity.SERVER_OF_THIS_DIRECTORY || server == ProcessProbe.Identity.UNKNOWN) {
                return;
            }
            LOG.error(DatabaseError.SERVER_DIED.message(serverPid, dataDirectory, log));
            down = true;
            downSince = now;
            // The dead server's other processes notice its death and leave within moments;
            // PostgreSQL refuses to start while they still hold its shared memory.
            nextAttempt = now + GRACE.toNanos();
        }
        if (now - nextAttempt < 0) {
            return;
        }
        try {
            restart();
            LOG.warn(DatabaseError.SERVER_RESTARTED.message(dataDirectory, serverPid,
                    (System.nanoTime() - downSince) / 1_000_000));
            down = false;
            failures = 0;
        } catch (IOException | RuntimeException e) {
            // Caught whatever it is: an exception would end the schedule, and every later attempt
            // with it. A server process that outlives the grace (busy in a long query) still holds
            // the shared memory; the port may have been taken; the disk may be full.
            long pause = Math.min(LONGEST_PAUSE_SECONDS, 1L << Math.min(failures, 5));
            failures++;
            nextAttempt = System.nanoTime() + TimeUnit.SECONDS.toNanos(pause);
            LOG.error(DatabaseError.RESTART_FAILED.message(dataDirectory, e.getMessage(), pause));
        }
    }

    private void restart() throws IOException {
        // The dead server's postmaster.pid still names it, and pg_ctl would signal whatever process
        // has that number by now: the file is cleared first, with the same care as at start-up.
        StaleServer.clear(dataDirectory, log);
        pgCtl.restart(dataDirectory, START_WAIT);
        serverPid = PostmasterPidFile.in(dataDirectory)
                .orElseThrow(() -> new IOException(DatabaseError.SERVER_NOT_FOUND.message(dataDirectory)))
                .pid();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        scheduler.shutdownNow();
    }
}
