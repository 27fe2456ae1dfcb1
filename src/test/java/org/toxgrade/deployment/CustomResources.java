package org.toxgrade.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects of operators' own APIs (CloudNativePG's {@code Cluster}, Prometheus Operator's
 * {@code ServiceMonitor}), whose schemas are not in the Kubernetes model. This is not a schema check:
 * it accepts only the fields the manifests use, spelled as the operators' API references spell them,
 * so that a misspelt or invented field fails here rather than being ignored by the operator.
 */
final class CustomResources {

    /** Per kind, the field paths it may have ({@code []} marks list items; {@code *} any keys below). */
    static final Map<String, Set<String>> KNOWN = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("spec.instances", "spec.minSyncReplicas",
                    "spec.maxSyncReplicas", "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner",
                    "spec.storage.size", "spec.storage.storageClass", "spec.monitoring.enablePodMonitor",
                    "spec.postgresql.parameters.*"),
            "monitoring.coreos.com/v1/ServiceMonitor", Set.of("spec.selector.matchLabels.*",
                    "spec.endpoints[].port", "spec.endpoints[].path", "spec.endpoints[].interval",
                    "spec.namespaceSelector.matchNames[]"));

    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");

    private CustomResources() {
    }

    /** The problems of one object: each field that is not among those of {@link #KNOWN}. */
    static List<String> check(JsonNode object) {
        String type = StrictModel.typeOf(object);
        Set<String> allowed = KNOWN.get(type);
        String name = type + " " + object.path("metadata").path("name").asText();
        List<String> problems = new ArrayList<>();
        object.fieldNames().forEachRemaining(field -> {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add(name + ": " + field + " is not a field of its API");
            }
        });
        object.path("metadata").fieldNames().forEachRemaining(field -> {
            if (!METADATA.contains(field)) {
                problems.add(name + ": metadata." + field + " is not a field of its API");
            }
        });
        walk(object.path("spec"), "spec", allowed, name, problems);
        return problems;
    }

    private static void walk(JsonNode node, String path, Set<String> allowed, String name, List<String> problems) {
        if (allowed.contains(path + ".*")) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), allowed, name, problems));
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, path + "[]", allowed, name, problems));
        } else if (!allowed.contains(path)) {
            problems.add(name + ": " + path + " is not a field of its API");
        }
    }
}
