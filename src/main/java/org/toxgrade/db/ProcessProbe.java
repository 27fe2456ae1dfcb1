package org.toxgrade.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells, from Linux's /proc, what the process behind a number is: whether it still runs and whether
 * it is the PostgreSQL server of a given data directory. A pid file outlives its server, and the
 * number in it may by now belong to any program, so a number alone never justifies a signal.
 */
final class ProcessProbe {

    /** What a process number stands for, seen from one data directory. */
    enum Identity {
        /** No such process, or one that has ended and waits to be reaped (a zombie). */
        NOT_RUNNING,
        /** A running postgres whose working directory is the data directory. */
        SERVER_OF_THIS_DIRECTORY,
        /** A running process that is not a postgres serving the data directory. */
        OTHER_PROCESS,
        /** A running process this system does not let us look at (no /proc, or not ours to read). */
        UNKNOWN
    }

    private static final Path PROC = Path.of("/proc");

    private ProcessProbe() {
    }

    static Identity identify(long pid, Path dataDirectory) {
        if (!running(pid)) {
            return Identity.NOT_RUNNING;
        }
        if (!procAvailable()) {
            return Identity.UNKNOWN;
        }
        Path process = PROC.resolve(Long.toString(pid));
        Optional<Path> executable = executable(pid);
        Optional<Boolean> inDirectory = sameFile(process.resolve("cwd"), dataDirectory);
        if (executable.isEmpty() || inDirectory.isEmpty()) {
            if (!running(pid)) {
                return Identity.NOT_RUNNING; // it ended between the two looks
            }
            // Another user's process, which Linux does not let us read, cannot be our server: that
            // runs as we do (zonky's user namespace keeps our user id outside it).
            Optional<Object> owner = owner(process);
            Optional<Object> us = owner(PROC.resolve("self"));
            boolean anotherUser = owner.isPresent() && us.isPresent() && !owner.get().equals(us.get());
            return anotherUser ? Identity.OTHER_PROCESS : Identity.UNKNOWN;
        }
        // The postmaster changes into its data directory at start, so its working directory is the
        // directory it serves (the same inode, whatever path it was started with).
        boolean postgres = executable.get().getFileName().toString().startsWith("postgres");
        return postgres && inDirectory.get() ? Identity.SERVER_OF_THIS_DIRECTORY : Identity.OTHER_PROCESS;
    }

    /**
     * Running as the kernel sees it. {@link ProcessHandle#isAlive()} and kill(pid, 0) both take a
     * zombie for alive, and an init that does not reap (as in some containers) leaves a killed
     * server as one.
     */
    static boolean running(long pid) {
        if (!procAvailable()) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // "pid (command) state ...": the command may itself hold spaces and parentheses.
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The program a process runs, without the " (deleted)" Linux adds once the file is replaced. */
    static Optional<Path> executable(long pid) {
        if (!procAvailable()) {
            return ProcessHandle.of(pid).flatMap(process -> process.info().command()).map(Path::of);
        }
        try {
            String target = Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("exe")).toString();
            return Optional.of(Path.of(target.replaceFirst(" \\(deleted\\)$", "")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> owner(Path process) {
        try {
            return Optional.ofNullable(Files.getAttribute(process, "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean procAvailable() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    private static Optional<Boolean> sameFile(Path link, Path directory) {
        try {
            return Optional.of(Files.isSameFile(link, directory));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
