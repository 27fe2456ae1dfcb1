package org.toxgrade.derivation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded facts of recently derived patients, so that a derivation after one more write does
 * not read and decode the patient's whole history again (per-write cost independent of history).
 *
 * <p>An entry holds the facts of one patient by source record, valid for exactly one value of the
 * patient's facts version ({@code patient_state.facts_version}, raised by every transaction that
 * changes the patient's facts, under the patient's lock). A derivation uses an entry only when its
 * version equals the version it read under the lock, so facts changed by another replica, or by a
 * write whose update of the entry was missed, are never graded from memory: the entry is simply
 * read again. A write that took the patient from version {@code v - 1} to {@code v} applies its
 * own changes to an entry at {@code v - 1}; an entry at any other version is dropped.
 *
 * <p>Bounded: the least recently used patients are dropped beyond
 * {@link DerivationSettings#decodedFactsCachePatients()}.
 */
@ApplicationScoped
public class DecodedFactsCache {

    /** The facts (grading facts, context facts and infusions, as decoded) of each source record. */
    public record Entry(long version, Map<String, List<Object>> bySource) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;
    private long hits;
    private long misses;

    public DecodedFactsCache(DerivationSettings settings) {
        this.capacity = Math.max(0, settings.decodedFactsCachePatients());
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The patient's facts if held for exactly this version. */
    public synchronized Optional<Entry> get(String patient, long version) {
        Entry entry = entries.get(patient);
        if (entry != null && entry.version() == version) {
            hits++;
            return Optional.of(entry);
        }
        misses++;
        return Optional.empty();
    }

    /** Derivations served from memory so far. */
    public synchronized long hits() {
        return hits;
    }

    /** Derivations that had to read the patient's facts. */
    public synchronized long misses() {
        return misses;
    }

    /** Keeps what a derivation read at {@code version}, unless a newer version is already held. */
    public synchronized void put(String patient, long version, Map<String, List<Object>> bySource) {
        if (capacity == 0) {
            return;
        }
        Entry held = entries.get(patient);
        if (held == null || held.version() < version) {
            entries.put(patient, new Entry(version, Map.copyOf(bySource)));
        }
    }

    /**
     * After a committed write took the patient to {@code version}: each source of {@code changed}
     * now says what is given (an empty list when its facts left this patient).
     */
    public synchronized void applied(String patient, long version, Map<String, List<Object>> changed) {
        Entry held = entries.get(patient);
        if (held == null) {
            return;
        }
        if (held.version() != version - 1) {
            entries.remove(patient);
            return;
        }
        Map<String, List<Object>> next = new HashMap<>(held.bySource());
        changed.forEach((source, facts) -> {
            if (facts.isEmpty()) {
                next.remove(source);
            } else {
                next.put(source, List.copyOf(facts));
            }
        });
        entries.put(patient, new Entry(version, Map.copyOf(next)));
    }

    /** Forgets everything (an operator's tool, and the equal-results test). */
    public synchronized void clear() {
        entries.clear();
    }
}
