package org.toxgrade.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {

    /**
     * After a reboot the number in a stale postmaster.pid may belong to another user's program,
     * whose /proc entries a service that is not root cannot read. Such a process cannot be the
     * service's own server, which runs as the service's user, so the start goes on instead of
     * refusing. Seen here by running the probe as user nobody, against a process of root.
     */
    @Test
    void aProcessOfAnotherUserThatCannotBeReadIsNotTakenForOurServer(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) && rootOwns(Path.of("/proc/self")),
                "needs root and setpriv to run the probe as another user");
        Process rootsProcess = new ProcessBuilder("sleep", "60").start();
        try {
            String java = ProcessHandle.current().info().command().orElseThrow();
            String classPath = location(ProcessProbe.class) + File.pathSeparator + location(Probe.class);
            Process probe = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    java, "-cp", classPath, Probe.class.getName(), Long.toString(rootsProcess.pid()), dir.toString())
                    .redirectErrorStream(true).start();
            probe.waitFor(60, TimeUnit.SECONDS);
            String seen = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(ProcessProbe.Identity.OTHER_PROCESS.name(), seen);
        } finally {
            rootsProcess.destroy();
        }
    }

    /** Prints what {@link ProcessProbe} makes of a process, as whichever user runs it. */
    public static final class Probe {

        private Probe() {
        }

        public static void main(String[] args) {
            System.out.println(ProcessProbe.identify(Long.parseLong(args[0]), Path.of(args[1])));
        }
    }

    private static boolean rootOwns(Path path) throws Exception {
        return Integer.valueOf(0).equals(Files.getAttribute(path, "unix:uid"));
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
