package org.toxgrade.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toxgrade.support.Api.asEhr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * Several senders at once on overlapping patients (docs/architecture.md, per-patient locks): every
 * writer sends the whole PRES case for two patients, each Bundle holding both patients' entries in
 * the writer's own order (A then B, or B then A: before the locks were taken in one sorted order,
 * that order deadlocked), as transactions and batches, each writer in its own shuffled day order.
 * No answer may be a 5xx, and the results must equal those of one sender delivering the case once,
 * in order.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoWritersOnTheSamePatientsGetNo5xxAndTheResultsOfOneSequentialDelivery() throws Exception {
        deliverConcurrently(2, "cw2");
    }

    @Test
    void eightWritersOnTheSamePatientsGetNo5xxAndTheResultsOfOneSequentialDelivery() throws Exception {
        deliverConcurrently(8, "cw8");
    }

    private void deliverConcurrently(int writers, String prefix) throws Exception {
        List<String> days = SeedCases.days("pres");
        String sequential = prefix + "s-";
        SeedCases.post(SeedCases.renamed(days, "pres-", sequential));
        List<String> a = SeedCases.renamed(days, "pres-", prefix + "a-");
        List<String> b = SeedCases.renamed(days, "pres-", prefix + "b-");

        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                answers.add(pool.submit(() -> send(writer, a, b)));
            }
            Map<String, Integer> statuses = new TreeMap<>();
            for (Future<List<String>> answer : answers) {
                for (String status : answer.get()) {
                    statuses.merge(status, 1, Integer::sum);
                }
            }
            System.out.printf("%d writers: answers by status %s%n", writers, statuses);
            assertEquals(List.of(), statuses.keySet().stream().filter(s -> !s.startsWith("200")
                    && !s.startsWith("201")).toList(), statuses::toString);
        } finally {
            pool.shutdownNow();
        }

        Map<String, String> expected = content(sequential);
        for (String patient : List.of(prefix + "a-", prefix + "b-")) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(expected,
                    content(patient, sequential)));
        }
    }

    /** One writer: every day, in its own shuffled order, both patients in one Bundle; the statuses seen. */
    private static List<String> send(int writer, List<String> a, List<String> b) throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(20261201L + writer));
        List<String> statuses = new ArrayList<>();
        for (int day : order) {
            boolean aFirst = writer % 2 == 0;
            String type = writer % 4 < 2 ? "transaction" : "batch";
            String bundle = merged(aFirst ? a.get(day) : b.get(day), aFirst ? b.get(day) : a.get(day), type);
            Response response = asEhr().contentType("application/fhir+json").body(bundle).when().post("/fhir");
            statuses.add(String.valueOf(response.statusCode()));
            if (response.statusCode() == 200) {
                statuses.addAll(response.jsonPath().getList("entry.response.status", String.class));
            }
        }
        return statuses;
    }

    private static String merged(String first, String second, String type) throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(first);
        bundle.put("type", type);
        bundle.remove("id");
        ArrayNode entries = (ArrayNode) bundle.path("entry");
        for (JsonNode entry : JSON.readTree(second).path("entry")) {
            entries.add(entry);
        }
        return JSON.writeValueAsString(bundle);
    }

    private static Map<String, String> content(String prefix) {
        return content(prefix, prefix);
    }

    /** The patient's results with its ids written as the {@code as} copy's. */
    private static Map<String, String> content(String prefix, String as) {
        Map<String, JsonNode> stored = Results.stored(prefix + "case");
        if (stored.isEmpty()) {
            return Map.of();
        }
        String key = stored.keySet().iterator().next().split("/")[1].substring(0, 19);
        return Results.clinicalContent(stored, key, prefix, as);
    }
}
