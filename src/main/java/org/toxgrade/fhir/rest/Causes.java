package org.toxgrade.fhir.rest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Everything behind a failure, for the exception mapper to find what it was: the failure, its causes
 * and the exceptions suppressed along the way, nearest first. A storage failure need not be the first
 * cause (Mutiny keeps the failure of a rollback after the failure of the work, as a second cause that
 * is a suppressed exception), and a chain may loop back on itself; each failure is visited once and
 * the walk is bounded, so the mapper always answers.
 */
final class Causes {

    /** Far more than any real chain; a bound so that a pathological one cannot stall an event loop. */
    private static final int MAX = 256;

    private Causes() {
    }

    static List<Throwable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> found = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty() && found.size() < MAX) {
            Throwable current = next.poll();
            if (!seen.add(current)) {
                continue;
            }
            found.add(current);
            if (current.getCause() != null) {
                next.add(current.getCause());
            }
            for (Throwable suppressed : current.getSuppressed()) {
                next.add(suppressed);
            }
        }
        return found;
    }

    /** The last cause of the chain of first causes, for the log: where it started. */
    static Throwable root(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        while (current.getCause() != null && seen.add(current) && seen.size() < MAX) {
            current = current.getCause();
        }
        return current;
    }
}
