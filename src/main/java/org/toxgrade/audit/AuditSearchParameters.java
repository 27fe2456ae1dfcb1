package org.toxgrade.audit;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.NUMBER;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN;

import java.util.List;
import org.toxgrade.fhir.SearchParam;

/**
 * The parameters of {@code GET /fhir/AuditEvent}: what the endpoint parses and the CapabilityStatement
 * declares. Any other is a 400: an audit search that ignored {@code agent} would show every client's
 * records as if they were one client's.
 */
public final class AuditSearchParameters {

    static final int MAX_COUNT = 1000;

    public static final List<SearchParam> ALL = List.of(
            new SearchParam("_since", DATE, null, "records at or after this instant (with its time zone)"),
            new SearchParam("agent", TOKEN, null, "the client id of the caller"),
            new SearchParam("_count", NUMBER, null,
                    "at most this many, newest first (default 100, at most " + MAX_COUNT + ")"));

    private AuditSearchParameters() {
    }

    static boolean knows(String name) {
        return ALL.stream().anyMatch(p -> p.name().equals(name));
    }
}
