package org.toxgrade.db;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Clears what an earlier run left in a data directory before a server is started on it. The server
 * is detached from the JVM (its parent is init), so a service killed with SIGKILL leaves it running
 * with its postmaster.pid; a machine that stopped leaves only the file, whose number may by now
 * belong to another program. PostgreSQL refuses to start while the number names any live process.
 *
 * <p>Must run while zonky's lock on the directory is held (its data directory customizer): a
 * server found then was left by a run that has ended, never one of a service still running.
 */
final class StaleServer {

    private static final Logger LOG = Logger.getLogger(StaleServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private StaleServer() {
    }

    /**
     * Stops our own server left running on {@code dataDirectory}, and removes a postmaster.pid whose
     * process is not that server; never signals any other process.
     *
     * @param log where the stopped server's and pg_ctl's messages go
     */
    static void clear(Path dataDirectory, Path log) throws IOException {
        Optional<PostmasterPidFile> found = PostmasterPidFile.in(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        PostmasterPidFile file = found.get();
        long pid = file.pid();
        switch (ProcessProbe.identify(pid, dataDirectory)) {
            case SERVER_OF_THIS_DIRECTORY -> stop(pid, dataDirectory, log);
            case NOT_RUNNING, OTHER_PROCESS -> {
                // Safe to remove: PostgreSQL keeps a second guard of its own, the shared memory block
                // keyed on the data directory, and refuses to start while any old server process is
                // still attached to it.
                file.remove();
                LOG.warn(DatabaseError.STALE_PID_FILE_REMOVED.message(file.path(), pid));
            }
            case UNKNOWN -> throw new IOException(DatabaseError.PID_NOT_IDENTIFIED.message(file.path(), pid));
        }
    }

    private static void stop(long pid, Path dataDirectory, Path log) throws IOException {
        Optional<Path> postgres = ProcessProbe.executable(pid);
        try {
            if (postgres.isEmpty()) {
                throw new IOException("its program cannot be read");
            }
            // Its own pg_ctl: the binaries that run the server match its data directory.
            PgCtl.beside(postgres.get(), log).stop(dataDirectory, STOP_WAIT);
        } catch (IOException e) {
            throw new IOException(DatabaseError.LEFT_SERVER_NOT_STOPPED.message(pid, dataDirectory, log), e);
        }
        LOG.warn(DatabaseError.LEFT_SERVER_STOPPED.message(pid, dataDirectory));
    }
}
