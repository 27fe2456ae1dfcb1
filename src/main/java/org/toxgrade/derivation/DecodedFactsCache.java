package org.toxgrade.derivation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.toxgrade.facts.ContextFact;
import org.toxgrade.grading.fact.Fact;

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
 *
 * <p>A write changes an entry in place (under the cache's lock) rather than copying the patient's
 * whole map: at 20,000 facts two copies per write were an eighth of the service's time. A
 * derivation gets an immutable flat list of the facts, made once per version.
 */
@ApplicationScoped
public class DecodedFactsCache {

    /**
     * The facts (grading facts, context facts and infusions, as decoded) of each source record, at
     * one facts version; changed only under the cache's lock.
     */
    private static final class Entry {

        long version;
        final Map<String, List<Object>> bySource;
        /**
         * Every fact of {@link #bySource} in time order (then id), made on first use at this
         * version or carried over from the previous one: the grader and the flag engine sort what
         * they read, and a list already in order costs them one pass instead of a full sort.
         */
        List<Object> all;

        Entry(long version, Map<String, List<Object>> bySource) {
            this.version = version;
            this.bySource = bySource;
        }

        List<Object> all() {
            if (all == null) {
                all = inTimeOrder(bySource);
            }
            return all;
        }
    }

    private static final Comparator<Object> TIME_ORDER = Comparator.comparing(DecodedFactsCache::timeOf)
            .thenComparing(DecodedFactsCache::idOf);

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

    /** Every fact of the patient, if held for exactly this version. */
    public synchronized Optional<List<Object>> get(String patient, long version) {
        Entry entry = entries.get(patient);
        if (entry != null && entry.version == version) {
            hits++;
            return Optional.of(entry.all());
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

    /**
     * Keeps what a derivation read at {@code version}, unless a newer version is already held, and
     * gives every fact of it in time order, as {@link #get} does.
     */
    public synchronized List<Object> put(String patient, long version, Map<String, List<Object>> bySource) {
        Entry held = entries.get(patient);
        if (capacity == 0 || (held != null && held.version >= version)) {
            return inTimeOrder(bySource);
        }
        Entry entry = new Entry(version, new HashMap<>(bySource));
        entries.put(patient, entry);
        return entry.all();
    }

    /** Every fact of {@code bySource}, in time order (then id). */
    private static List<Object> inTimeOrder(Map<String, List<Object>> bySource) {
        int size = 0;
        for (List<Object> facts : bySource.values()) {
            size += facts.size();
        }
        List<Object> flat = new ArrayList<>(size);
        bySource.values().forEach(flat::addAll);
        flat.sort(TIME_ORDER);
        return Collections.unmodifiableList(flat);
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
        if (held.version != version - 1) {
            entries.remove(patient);
            return;
        }
        Set<Object> leaving = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> arriving = new ArrayList<>();
        changed.forEach((source, facts) -> {
            List<Object> before = facts.isEmpty()
                    ? held.bySource.remove(source)
                    : held.bySource.put(source, List.copyOf(facts));
            if (before != null) {
                leaving.addAll(before);
            }
            arriving.addAll(facts);
        });
        held.version = version;
        // A derivation holding the previous list keeps it: it is never changed, only replaced.
        held.all = held.all == null ? null : merged(held.all, leaving, arriving);
    }

    /** {@code sorted} without {@code leaving}, with {@code arriving}, still in time order: one pass. */
    private static List<Object> merged(List<Object> sorted, Set<Object> leaving, List<Object> arriving) {
        arriving.sort(TIME_ORDER);
        List<Object> out = new ArrayList<>(sorted.size() + arriving.size());
        int a = 0;
        for (Object fact : sorted) {
            if (leaving.contains(fact)) {
                continue;
            }
            while (a < arriving.size() && TIME_ORDER.compare(arriving.get(a), fact) < 0) {
                out.add(arriving.get(a++));
            }
            out.add(fact);
        }
        while (a < arriving.size()) {
            out.add(arriving.get(a++));
        }
        return Collections.unmodifiableList(out);
    }

    private static Instant timeOf(Object fact) {
        return fact instanceof Fact f ? f.time() : ((ContextFact) fact).time();
    }

    private static String idOf(Object fact) {
        return fact instanceof Fact f ? f.id() : ((ContextFact) fact).id();
    }

    /** Forgets everything (an operator's tool, and the equal-results test). */
    public synchronized void clear() {
        entries.clear();
    }
}
