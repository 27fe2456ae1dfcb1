package org.toxgrade.grading.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The JSON case files of a test resource folder (grading and flag case tables), in name order. */
public final class CaseFiles {

    private CaseFiles() {
    }

    public static List<Path> jsonFiles(String resourceFolder) {
        URL dir = CaseFiles.class.getResource("/" + resourceFolder);
        if (dir == null) {
            throw new IllegalStateException("no " + resourceFolder + "/ test resources on the classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
