package org.toxgrade.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The postmaster.pid a PostgreSQL server keeps in its data directory while it runs; its first line
 * is the server's process number. A server that was killed leaves the file behind.
 *
 * @param path the file
 * @param pid the process number it names
 */
record PostmasterPidFile(Path path, long pid) {

    static final String NAME = "postmaster.pid";

    /** The file in {@code dataDirectory}, if there is one; fails on one that names no process. */
    static Optional<PostmasterPidFile> in(Path dataDirectory) throws IOException {
        Path path = dataDirectory.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            if (pid <= 0) {
                throw new NumberFormatException("not a process number: " + pid);
            }
            return Optional.of(new PostmasterPidFile(path, pid));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // A server that crashed while writing the file; PostgreSQL refuses such a file too.
            throw new IOException(DatabaseError.PID_FILE_UNREADABLE.message(path, dataDirectory), e);
        }
    }

    void remove() throws IOException {
        Files.deleteIfExists(path);
    }
}
