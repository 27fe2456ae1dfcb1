package org.toxgrade.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rendered Kubernetes object into the fabric8 model class of its {@code apiVersion} and
 * {@code kind} (classes generated from the Kubernetes OpenAPI schema) and rejects every field that the
 * schema does not have. The model keeps unknown fields in {@code additionalProperties} instead of
 * failing, so each object is walked and any such field is reported with its path.
 */
final class StrictModel {

    /** The built-in kinds the manifests may use, with the API version the cluster serves them at. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StrictModel() {
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** The object as its model class; {@link IllegalArgumentException} naming every unknown field. */
    static HasMetadata read(JsonNode object) {
        Class<? extends HasMetadata> type = KINDS.get(typeOf(object));
        if (type == null) {
            throw new IllegalArgumentException("no schema for " + typeOf(object));
        }
        HasMetadata model;
        try {
            model = MAPPER.treeToValue(object, type);
        } catch (Exception e) {
            throw new IllegalArgumentException(typeOf(object) + " does not fit its schema: " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        walk(model, typeOf(object) + " " + object.path("metadata").path("name").asText(), unknown,
                new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("fields not in the schema: " + unknown);
        }
        return model;
    }

    private static void walk(Object value, String path, List<String> unknown, IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                walk(field, path + "." + getter.getName().replaceFirst("^(get|is)", ""), unknown, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
