package org.toxgrade.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toxgrade.facts.FactExtraction;
import org.toxgrade.ingest.store.ReceivedResourceRows.Current;
import org.toxgrade.ingest.store.ReceivedResourceRows.Key;
import org.toxgrade.ingest.store.ReceivedResourceRows.Version;

/**
 * The decisions of one request's writes, as a table: the redelivery and ordering rules of a single
 * write (docs/architecture.md: deliveries are at least once and unordered), applied to a whole
 * request with each resource's state carried from one write to the next.
 */
class WritePlannerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T12:00:00Z");
    private static final OffsetDateTime EARLIER = OffsetDateTime.parse("2026-03-01T12:00:00Z");
    private static final Key OBS = new Key("Observation", "t1");

    static Stream<Arguments> table() {
        Version v1 = new Version(1, "a", null, null, EARLIER);
        Version sender3 = new Version(2, "a", "3", null, EARLIER);
        return Stream.of(
                Arguments.of("a resource never seen is created as version 1",
                        List.of(write("a", null)), Map.of(), Map.of(), List.of("CREATED 1 insert facts")),
                Arguments.of("the same content again without a sender version changes nothing",
                        List.of(write("a", null)), Map.of(OBS, new Current(1, v1)), Map.of(),
                        List.of("UNCHANGED 1")),
                Arguments.of("new content is the next version and replaces the facts",
                        List.of(write("b", null)), Map.of(OBS, new Current(1, v1)), Map.of(),
                        List.of("UPDATED 2 insert facts")),
                Arguments.of("the same sender version with the same content is a redelivery",
                        List.of(write("a", "3")), Map.of(OBS, new Current(2, sender3)),
                        Map.of(OBS, Map.of("3", sender3)), List.of("UNCHANGED 2")),
                Arguments.of("the same sender version with other content is refused, nothing written",
                        List.of(write("b", "3")), Map.of(OBS, new Current(2, sender3)),
                        Map.of(OBS, Map.of("3", sender3)), List.of("refused TG-INGEST-040")),
                Arguments.of("an older sender version is kept, stale, and does not replace the facts",
                        List.of(write("b", "2")), Map.of(OBS, new Current(2, sender3)),
                        Map.of(OBS, Map.of("3", sender3)), List.of("STALE 3 insert")),
                Arguments.of("two versions of one resource in a request behave as sent one after the other",
                        List.of(write("a", "1"), write("b", "2"), write("b", "2"), write("a", "1")), Map.of(),
                        Map.of(), List.of("CREATED 1 insert facts", "UPDATED 2 insert facts", "UNCHANGED 2",
                                "UNCHANGED 1")),
                Arguments.of("an identical create twice in one request is stored once",
                        List.of(write("a", null), write("a", null)), Map.of(), Map.of(),
                        List.of("CREATED 1 insert facts", "UNCHANGED 1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String name, List<PreparedWrite> writes, Map<Key, Current> current,
            Map<Key, Map<String, Version>> bySenderVersion, List<String> expected) {
        List<String> decided = WritePlanner.plan(writes, current, bySenderVersion, NOW).stream()
                .map(WritePlannerTest::describe).toList();
        assertEquals(expected, decided);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void anInsertedVersionIsStoredNowAndAnUnchangedOneKeepsItsTime(String name, List<PreparedWrite> writes,
            Map<Key, Current> current, Map<Key, Map<String, Version>> bySenderVersion, List<String> expected) {
        for (WritePlanner.Decision d : WritePlanner.plan(writes, current, bySenderVersion, NOW)) {
            if (d.outcome() == null) {
                assertFalse(d.insert());
                continue;
            }
            boolean storedBefore = !d.insert() && d.outcome().lastUpdated().equals(EARLIER);
            assertTrue(d.insert()
                    ? d.outcome().lastUpdated().equals(NOW)
                    : storedBefore
                            || d.outcome().lastUpdated().equals(NOW),
                    d.toString());
        }
    }

    private static String describe(WritePlanner.Decision d) {
        if (d.error() != null) {
            return "refused " + d.error().code().code();
        }
        return d.outcome().kind() + " " + d.outcome().versionId() + (d.insert() ? " insert" : "")
                + (d.changesFacts() ? " facts" : "");
    }

    private static PreparedWrite write(String contentHash, String senderVersion) {
        FactExtraction facts = new FactExtraction("Observation/t1", "Observation", "t1", senderVersion,
                "Patient/p1", List.of(), List.of(), Optional.empty(), Optional.empty(), false, List.of());
        return new PreparedWrite(IngestibleType.OBSERVATION, "t1", Interaction.UPDATE, "update", senderVersion,
                senderVersion == null
                        ? null
                        : Instant.parse("2026-03-01T00:00:00Z").atOffset(ZoneOffset.UTC)
                                .toInstant(),
                "{}", "{}", contentHash, null, facts, Precondition.NONE, List.of());
    }
}
