package org.toxgrade.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's pg_ctl from the directory of a server's own binaries, the way zonky runs it: in
 * a user namespace of its own when we are root ({@code unshare -U}), because PostgreSQL refuses to
 * run as root. What pg_ctl and the server it starts print goes to the server's log file.
 */
final class PgCtl {

    private final Path binDirectory;
    private final Path log;

    private PgCtl(Path binDirectory, Path log) {
        this.binDirectory = binDirectory;
        this.log = log;
    }

    /** The pg_ctl beside {@code postgres}, the program a server runs. */
    static PgCtl beside(Path postgres, Path log) {
        return new PgCtl(postgres.getParent(), log);
    }

    /** Fast shutdown: rolls back open transactions, disconnects clients, writes a checkpoint. */
    void stop(Path dataDirectory, Duration wait) throws IOException {
        run("stop", wait, dataDirectory, "-m", "fast");
    }

    /**
     * Starts a server that is not running with the options it last ran with (pg_ctl reads them from
     * postmaster.opts in the data directory), and waits until it accepts connections. Only for a
     * server known to be down: with a postmaster.pid present, pg_ctl would first signal the process
     * named in it.
     */
    void restart(Path dataDirectory, Duration wait) throws IOException {
        run("restart", wait, dataDirectory);
    }

    private void run(String action, Duration wait, Path dataDirectory, String... options) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binDirectory.resolve("pg_ctl").toString());
        command.addAll(List.of("-D", dataDirectory.toString(), action, "-w", "-t", Long.toString(wait.toSeconds())));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            // pg_ctl gives up by itself after its -t; the margin only covers a pg_ctl that hangs.
            if (!process.waitFor(wait.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(DatabaseError.PG_CTL_FAILED.message(action, "no answer", log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(DatabaseError.PG_CTL_FAILED.message(action, "interrupted", log), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    DatabaseError.PG_CTL_FAILED.message(action, "exit " + process.exitValue(), log));
        }
    }
}
