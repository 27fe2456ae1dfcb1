package org.toxgrade.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A bounded fuzz run in the normal test run: the valid fixtures, mutated by a seeded generator (byte
 * flips, truncation, deep nesting, long numbers and huge exponents, long strings and names, values of
 * the wrong JSON type, NULs, unpaired surrogates and over-long ids), sent to the write endpoints and
 * {@code $grade}. Whatever the input, the service answers, within a timeout, with something other than
 * a 5xx. The same seed gives the same inputs, so a failure can be replayed from its index.
 */
@QuarkusTest
class HostileInputFuzzTest {

    private static final long SEED = 13;
    private static final int INPUTS = 1000;
    private static final String FHIR_JSON_UTF8 = "application/fhir+json; charset=UTF-8";
    private static final String SCOPES = "system/*.cruds toxgrade/grade";
    // Below the test profile's max-body-size (512K), so that the limits inside the body are reached.
    private static final int MAX_PADDING = 400_000;
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 20_000));
    // Escapes every non-ASCII character, so that an unpaired surrogate reaches the service as \\ud800
    // instead of being replaced by the client's encoder.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final String ISOLATION = "fuzz-";
    private static final Pattern LITERAL_REFERENCE = Pattern.compile("(^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]+)");
    private static final String[] HOSTILE_IDS = {"nul\u0000id", "high\ud800", "low\udfff", "x".repeat(65),
            "p".repeat(250), "q".repeat(150), "with space", "slash/in/id", "", "\u00e9t\u00e9", "emoji\ud83d\ude00"};

    private enum Mutation {
        BYTE_FLIPS, TRUNCATION, DEEP_NESTING, LONG_NUMBER, HUGE_EXPONENT, LONG_STRING, LONG_NAME, WRONG_TYPE,
        HOSTILE_ID, HOSTILE_SUBJECT, ENTRY_RESOURCE_NOT_AN_OBJECT, TRAILING_CONTENT, DROPPED_ELEMENT
    }

    private record Input(int index, Mutation mutation, String method, String path, byte[] body) {
    }

    @Test
    void mutatedFixturesNeverGetA5xxOrHang() {
        List<JsonNode> seeds = seeds();
        Random random = new Random(SEED);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Map<Mutation, Map<Integer, Integer>> byMutation = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            Input input = input(i, seeds.get(random.nextInt(seeds.size())), random);
            int status = send(input, failures);
            byStatus.merge(status, 1, Integer::sum);
            byMutation.computeIfAbsent(input.mutation(), m -> new TreeMap<>()).merge(status, 1, Integer::sum);
            if (status >= 500) {
                failures.add("input " + i + " (" + input.mutation() + ", " + input.method() + " " + input.path()
                        + ") answered " + status + ": " + excerpt(input.body()));
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("Fuzz: %d inputs (seed %d) in %d s; statuses %s%n", INPUTS, SEED, seconds, byStatus);
        byMutation.forEach((mutation, statuses) -> System.out.printf("  %-28s %s%n", mutation, statuses));
        assertEquals(List.of(), failures, "inputs answered with a 5xx or not at all");
    }

    private static int send(Input input, List<String> failures) {
        RequestSpecification request = as(SCOPES).config(TIMEOUTS).urlEncodingEnabled(false)
                .contentType(FHIR_JSON_UTF8).body(input.body());
        try {
            return input.method().equals("PUT")
                    ? request.when().put(input.path()).statusCode()
                    : request.when().post(input.path()).statusCode();
        } catch (Exception e) {
            // A timeout or a connection the service dropped (REST Assured rethrows the IOException unchecked).
            failures.add("input " + input.index() + " (" + input.mutation() + ") got no answer: " + e);
            return -1;
        }
    }

    private static Input input(int index, JsonNode seed, Random random) {
        Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
        JsonNode tree = isolated(seed.deepCopy());
        String type = tree.path("resourceType").asText();
        boolean bundle = type.equals("Bundle");
        String id = "fuzz-" + index;
        if (!bundle) {
            ((ObjectNode) tree).put("id", id);
        }
        String path = endpoint(tree, type, id, random);
        String method = path.startsWith("/fhir/" + type + "/") ? "PUT" : "POST";
        if (!bundle && path.equals("/fhir/$grade")) {
            // $grade takes a Bundle: the resource goes in as the one entry of a collection.
            ObjectNode collection = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
            collection.putArray("entry").addObject().set("resource", tree);
            tree = collection;
        }
        byte[] body = switch (mutation) {
            case BYTE_FLIPS -> flipBytes(bytes(tree), random);
            case TRUNCATION -> truncate(bytes(tree), random);
            case DEEP_NESTING -> nest(tree, 50 + random.nextInt(1200));
            case LONG_NUMBER -> bytes(replaceRandom(tree, random,
                    JSON.getNodeFactory().numberNode(new BigInteger("9".repeat(60 + random.nextInt(3000))))));
            case HUGE_EXPONENT -> hugeExponent(tree, random);
            case LONG_STRING -> bytes(replaceRandom(tree, random,
                    TextNode.valueOf("s".repeat(1 + random.nextInt(MAX_PADDING)))));
            case LONG_NAME -> bytes(addMember(tree, random, "n".repeat(200 + random.nextInt(60_000))));
            case WRONG_TYPE -> bytes(replaceRandom(tree, random, wrongType(random)));
            case HOSTILE_ID -> hostileId(tree, type, random);
            case HOSTILE_SUBJECT -> bytes(hostileSubject(tree, random));
            case ENTRY_RESOURCE_NOT_AN_OBJECT -> bytes(entryResourceNotAnObject(tree, random));
            case TRAILING_CONTENT -> concat(bytes(tree), random.nextBoolean() ? "{\"a\":1}" : "garbage");
            case DROPPED_ELEMENT -> bytes(dropRandom(tree, random));
        };
        if (mutation == Mutation.HOSTILE_ID && !bundle && method.equals("PUT")) {
            // The URL carries the hostile id too, percent-encoded as a client would.
            String hostile = HOSTILE_IDS[random.nextInt(HOSTILE_IDS.length)];
            path = "/fhir/" + type + "/" + percentEncode(hostile.isEmpty() ? "x" : hostile);
        }
        return new Input(index, mutation, method, path, body);
    }

    /**
     * The seed with its resources' ids and every literal reference renamed under {@code fuzz-}: what the
     * fuzzing stores must not become a version of a resource, or a fact of a patient, that other tests
     * send and read back. The renamed patients are few (one per patient of the fixtures), so lists of
     * patients stay short.
     */
    private static JsonNode isolated(JsonNode seed) {
        List<ObjectNode> resources = new ArrayList<>();
        if (seed.path("resourceType").asText().equals("Bundle")) {
            ArrayNode entries = entries(seed);
            if (entries != null) {
                for (JsonNode entry : entries) {
                    if (entry.path("resource").isObject()) {
                        resources.add((ObjectNode) entry.path("resource"));
                    }
                    if (entry.path("request").path("url").isTextual()) {
                        ((ObjectNode) entry.path("request")).put("url",
                                renamedReference(entry.path("request").path("url").asText()));
                    }
                }
            }
        } else {
            resources.add((ObjectNode) seed);
        }
        for (ObjectNode resource : resources) {
            if (resource.path("id").isTextual()) {
                resource.put("id", ISOLATION + resource.path("id").asText());
            }
        }
        renameReferences(seed);
        return seed;
    }

    private static void renameReferences(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("reference").isTextual()) {
            object.put("reference", renamedReference(object.path("reference").asText()));
        }
        node.forEach(HostileInputFuzzTest::renameReferences);
    }

    /** {@code Patient/x}, {@code https://ehr/fhir/Patient/x/_history/2}: the id after the type is renamed. */
    private static String renamedReference(String reference) {
        if (reference.startsWith("#") || reference.startsWith("urn:")) {
            return reference;
        }
        return LITERAL_REFERENCE.matcher(reference).replaceFirst("$1$2/" + ISOLATION + "$3");
    }

    /** Bundles of type batch or transaction go to the base, others to $grade; resources to PUT or POST. */
    private static String endpoint(JsonNode tree, String type, String id, Random random) {
        if (type.equals("Bundle")) {
            String bundleType = tree.path("type").asText();
            return bundleType.equals("batch") || bundleType.equals("transaction") ? "/fhir" : "/fhir/$grade";
        }
        return switch (random.nextInt(3)) {
            case 0 -> "/fhir/" + type + "/" + id;
            case 1 -> "/fhir/" + type;
            default -> "/fhir/$grade";
        };
    }

    private static byte[] flipBytes(byte[] body, Random random) {
        byte[] flipped = body.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips; i++) {
            flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
        }
        return flipped;
    }

    private static byte[] truncate(byte[] body, Random random) {
        return Arrays.copyOf(body, random.nextInt(body.length));
    }

    private static byte[] nest(JsonNode tree, int depth) {
        String nested = "\"fuzzNesting\": " + "[".repeat(depth) + "]".repeat(depth) + ",";
        String text = new String(bytes(tree), StandardCharsets.UTF_8);
        return (text.substring(0, 1) + nested + text.substring(1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hugeExponent(JsonNode tree, Random random) {
        String text = new String(bytes(replaceRandom(tree, random, TextNode.valueOf("FUZZ-NUMBER"))),
                StandardCharsets.UTF_8);
        String[] exponents = {"1e999999999", "-1e-999999999", "9.5E+2147483647", "1e99999999999", "0e-999999999"};
        return text.replace("\"FUZZ-NUMBER\"", exponents[random.nextInt(exponents.length)])
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hostileId(JsonNode tree, String type, Random random) {
        String hostile = HOSTILE_IDS[random.nextInt(HOSTILE_IDS.length)];
        if (type.equals("Bundle")) {
            ArrayNode entries = entries(tree);
            if (entries != null && !entries.isEmpty()) {
                JsonNode entry = entries.get(random.nextInt(entries.size()));
                if (entry.path("resource").isObject()) {
                    ((ObjectNode) entry.path("resource")).put("id", hostile);
                }
                if (entry.path("request").isObject()) {
                    ((ObjectNode) entry.path("request")).put("url",
                            entry.path("resource").path("resourceType").asText() + "/" + hostile);
                }
            }
        } else if (random.nextBoolean()) {
            ((ObjectNode) tree).put("id", hostile);
        } else {
            ((ObjectNode) tree).putObject("meta").put("versionId", hostile);
        }
        return bytes(tree);
    }

    private static JsonNode hostileSubject(JsonNode tree, Random random) {
        String reference = "Patient/" + HOSTILE_IDS[random.nextInt(HOSTILE_IDS.length)];
        List<ObjectNode> resources = resources(tree);
        ObjectNode resource = resources.get(random.nextInt(resources.size()));
        resource.putObject("subject").put("reference", reference);
        return tree;
    }

    private static JsonNode entryResourceNotAnObject(JsonNode tree, Random random) {
        ArrayNode entries = entries(tree);
        if (entries == null || entries.isEmpty()) {
            // Not a Bundle: make it one whose only entry holds no object.
            ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "batch");
            bundle.putArray("entry").addObject().set("resource", wrongType(random));
            return bundle;
        }
        ((ObjectNode) entries.get(random.nextInt(entries.size()))).set("resource", wrongType(random));
        return tree;
    }

    private static JsonNode wrongType(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> TextNode.valueOf("Patient/x");
            case 1 -> JSON.getNodeFactory().numberNode(42);
            case 2 -> JSON.createArrayNode().add(1).add("two");
            case 3 -> JSON.getNodeFactory().nullNode();
            case 4 -> JSON.getNodeFactory().booleanNode(true);
            default -> JSON.createObjectNode().put("unexpected", "object");
        };
    }

    /** Replaces a randomly chosen value anywhere in the tree (never the root). */
    private static JsonNode replaceRandom(JsonNode tree, Random random, JsonNode replacement) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(tree, slots);
        if (!slots.isEmpty()) {
            slots.get(random.nextInt(slots.size())).set(replacement);
        }
        return tree;
    }

    private static JsonNode dropRandom(JsonNode tree, Random random) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(tree, slots);
        if (!slots.isEmpty()) {
            slots.get(random.nextInt(slots.size())).remove();
        }
        return tree;
    }

    private static JsonNode addMember(JsonNode tree, Random random, String name) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        objects.get(random.nextInt(objects.size())).put(name, 1);
        return tree;
    }

    /** A place in the tree that holds a value: a member of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collectSlots(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(object, name, -1));
                collectSlots(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collectSlots(array.get(i), slots);
            }
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.forEach(child -> collectObjects(child, objects));
    }

    private static List<ObjectNode> resources(JsonNode tree) {
        List<ObjectNode> resources = new ArrayList<>();
        ArrayNode entries = entries(tree);
        if (entries != null) {
            entries.forEach(entry -> {
                if (entry.path("resource").isObject()) {
                    resources.add((ObjectNode) entry.path("resource"));
                }
            });
        }
        if (resources.isEmpty()) {
            resources.add((ObjectNode) tree);
        }
        return resources;
    }

    private static ArrayNode entries(JsonNode tree) {
        return tree.path("entry") instanceof ArrayNode entries ? entries : null;
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] body, String tail) {
        byte[] more = tail.getBytes(StandardCharsets.UTF_8);
        byte[] joined = Arrays.copyOf(body, body.length + more.length);
        System.arraycopy(more, 0, joined, body.length, more.length);
        return joined;
    }

    private static String percentEncode(String id) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            encoded.append(String.format("%%%02X", b & 0xFF));
        }
        return encoded.toString();
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static List<JsonNode> seeds() {
        List<JsonNode> seeds = new ArrayList<>();
        for (String dir : List.of("src/test/resources/fixtures/ingest/valid", "src/test/resources/facts/valid")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    seeds.add(JSON.readTree(file.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }
}
