package org.toxgrade.ingest;

import java.util.Set;

/**
 * What must hold for a write to go ahead (FHIR conditional interactions), checked in the write's
 * transaction under the patients' locks, so that two senders cannot both pass it.
 *
 * @param ifMatch      {@code If-Match}: the version the resource must be at, or null
 * @param identifier   an identifier {@code system|value} the condition is on, or null
 * @param ifNoneExist  with {@code identifier}: a create that is skipped when one resource carries it
 *                     ({@code If-None-Exist})
 * @param expected     with {@code identifier}: the ids found to carry it when the request was prepared; a
 *                     different set in the transaction is a 412. Null for a conditional create that was not
 *                     looked up beforehand (a single request: nothing depends on what it finds)
 */
public record Precondition(Integer ifMatch, Identifier identifier, boolean ifNoneExist, Set<String> expected) {

    public static final Precondition NONE = new Precondition(null, null, false, Set.of());

    /** An identifier a conditional interaction searches for. */
    public record Identifier(String system, String value) {
    }

    public static Precondition ifMatch(int version) {
        return new Precondition(version, null, false, Set.of());
    }

    public static Precondition ifNoneExist(Identifier identifier) {
        return new Precondition(null, identifier, true, null);
    }

    /**
     * A conditional create in a Bundle, looked up before the Bundle was planned: a transaction's references
     * to it were resolved to what was found, so a change by the time it is stored is a 412.
     */
    public static Precondition ifNoneExistFound(Identifier identifier, Set<String> found) {
        return new Precondition(null, identifier, true, Set.copyOf(found));
    }

    public static Precondition identifierStill(Identifier identifier, Set<String> ids) {
        return new Precondition(null, identifier, false, Set.copyOf(ids));
    }
}
