package org.toxgrade.facts;

/**
 * Fact id convention. A fact's id is the reference of its source resource, {@code Type/id}, with no
 * base URL and no version: a new version of the resource then yields facts with the same ids, which
 * replace the old ones, and every grade can name its source record (grading {@code Fact.id()}).
 *
 * <p>Every mapping yields at most one fact per resource: a blood pressure panel is one
 * {@code BloodPressure} (so the grading can estimate the MAP), a device Observation with a flow
 * component is one {@code OxygenSupport}, ICE items are one {@code IceScore}. Should a mapping ever
 * yield several facts from one resource, each takes {@code Type/id#part} (e.g.
 * {@code Observation/bp1#systolic}) via {@link #part}, so that ids stay unique and still lead to
 * the source. {@link EpisodeFactsAssembler} keeps the id of the record whose value decides.
 */
public final class FactIds {

    private FactIds() {
    }

    public static String of(String resourceType, String id) {
        return resourceType + "/" + id;
    }

    public static String part(String source, String part) {
        return source + "#" + part;
    }

    /** The source reference of a fact id: everything before {@code #}. */
    public static String sourceOf(String factId) {
        int hash = factId.indexOf('#');
        return hash < 0 ? factId : factId.substring(0, hash);
    }
}
