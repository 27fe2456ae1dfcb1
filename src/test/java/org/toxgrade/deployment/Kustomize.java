package org.toxgrade.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the command an operator runs, and reads the
 * result as a list of objects. Without a kubectl that has kustomize v4 or later the test fails and says
 * how to install one: a manifest test that cannot render must never pass.
 */
final class Kustomize {

    static final String INSTALL_HINT = "kubectl with kustomize v4 or later is needed to render k8s/ "
            + "(.ci/run installs the apt package kubectl when it is missing; Debian's kubernetes-client, "
            + "kubectl 1.20 with kustomize v2, is too old)";

    private Kustomize() {
    }

    static List<JsonNode> render(Path kustomization) {
        String yaml = run("kubectl", "kustomize", kustomization.toString());
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode object = documents.next();
                if (object != null && !object.isNull() && !object.isEmpty()) {
                    objects.add(object);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize printed no readable YAML for " + kustomization, e);
        }
    }

    private static String run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail("kubectl not found on PATH: " + INSTALL_HINT, e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return fail(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8)
                        + "\n" + INSTALL_HINT);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroy();
        }
    }
}
