package org.toxgrade.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toxgrade.grading.fact.Fact;
import org.toxgrade.grading.fact.Temperature;

/**
 * A write changes the cached facts in place; what a derivation then reads must be exactly what a
 * fresh read of the same sources would give, in time order, and never the list an earlier
 * derivation still holds.
 */
class DecodedFactsCacheTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final DecodedFactsCache cache = new DecodedFactsCache(new DerivationSettings() {

        @Override
        public String sweepInterval() {
            return "10s";
        }

        @Override
        public Duration refreshInterval() {
            return Duration.ofMinutes(10);
        }

        @Override
        public int sweepBatchSize() {
            return 100;
        }

        @Override
        public int decodedFactsCachePatients() {
            return 10;
        }
    });

    @Test
    void writesAppliedInPlaceGiveWhatAFreshReadGivesInTimeOrder() {
        Random random = new Random(20261201);
        Map<String, List<Object>> truth = new HashMap<>();
        for (int s = 0; s < 200; s++) {
            truth.put("Observation/o" + s, List.of(temperature("o" + s, random)));
        }
        cache.put("p", 1, truth);
        List<Object> first = cache.get("p", 1).orElseThrow();
        assertEquals(sorted(truth), first);

        long version = 1;
        for (int write = 0; write < 300; write++) {
            Map<String, List<Object>> changed = new HashMap<>();
            String source = "Observation/o" + random.nextInt(260);
            int kind = random.nextInt(3);
            List<Object> facts = kind == 0
                    ? List.of() // retracted
                    : kind == 1
                            ? List.of(temperature(source + "a", random))
                            : List.of(temperature(source + "a", random), temperature(source + "b", random));
            changed.put(source, facts);
            cache.applied("p", ++version, changed);
            if (facts.isEmpty()) {
                truth.remove(source);
            } else {
                truth.put(source, facts);
            }
            if (write % 7 == 0) {
                assertEquals(sorted(truth), cache.get("p", version).orElseThrow(), "after write " + write);
            }
        }
        assertEquals(sorted(truth), cache.get("p", version).orElseThrow());
        assertEquals(200, first.size(), "the list an earlier derivation holds never changes");
        assertTrue(cache.get("p", version - 1).isEmpty(), "only the current version is served");
    }

    @Test
    void aWriteThatSkippedAVersionDropsTheEntry() {
        cache.put("p", 1, Map.of("Observation/a", List.of(new Temperature("a", T0, 38.2))));
        cache.applied("p", 3, Map.of("Observation/b", List.of(new Temperature("b", T0, 38.4))));
        assertTrue(cache.get("p", 3).isEmpty());
        assertTrue(cache.get("p", 1).isEmpty());
    }

    private static Temperature temperature(String id, Random random) {
        // Several facts share an instant, so that the id decides their order.
        return new Temperature(id, T0.plusSeconds(600L * random.nextInt(40)), 36 + random.nextInt(40) / 10.0);
    }

    private static List<Object> sorted(Map<String, List<Object>> bySource) {
        List<Object> all = new ArrayList<>();
        bySource.values().forEach(all::addAll);
        all.sort(Comparator.comparing((Object f) -> ((Fact) f).time()).thenComparing(f -> ((Fact) f).id()));
        return all;
    }
}
