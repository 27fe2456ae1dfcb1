package org.toxgrade.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The content of a resource as the service compares it: JSON without {@code id}, {@code meta} and
 * {@code text} (what a FHIR server assigns or generates), object keys in sorted order. Two
 * resources with the same content hash say the same thing, whoever serialised them.
 */
public final class CanonicalContent {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalContent() {
    }

    public static String sha256(String resourceJson) {
        try {
            return sha256(JSON.readTree(resourceJson));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(OutboxError.RESOURCE_NOT_JSON.message(), e);
        }
    }

    public static String sha256(JsonNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.remove(List.of("id", "meta", "text"));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] bytes = JSON.writeValueAsString(sorted(copy)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(OutboxError.HASH_FAILED.message(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(name -> out.set(name, sorted(node.get(name))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}
