package org.toxgrade.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.toxgrade.audit.AuditSearchParameters;
import org.toxgrade.fhir.SearchParam;
import org.toxgrade.ingest.IngestibleType;
import org.toxgrade.results.ResultSearchParameters;

/**
 * What the FHIR API offers per resource type, read from the tables the endpoints themselves use: the
 * types ingest takes (create, update, read and vread of what was received, with conditional writes),
 * the results' types and search parameters, the audit search's parameters. The CapabilityStatement and
 * the SMART scopes are built from this, so neither can promise what no endpoint does.
 */
public final class FhirEndpoints {

    /** The operation {@code POST [base]/$grade} and its definition in the package. */
    public static final String GRADE_OPERATION = "http://toxgrade.org/fhir/OperationDefinition/grade";
    public static final String IMPORT_OPERATION = "http://toxgrade.org/fhir/OperationDefinition/import";

    /**
     * One resource type's interactions.
     *
     * @param conditionalWrites whether writes take If-Match, If-None-Exist and PUT Type?identifier
     * @param notModifiedReads  whether reads answer If-None-Match with 304
     */
    public record Offer(String type, Set<TypeRestfulInteraction> interactions, List<SearchParam> searchParams,
            boolean conditionalWrites, boolean notModifiedReads) {
    }

    private FhirEndpoints() {
    }

    public static List<Offer> all() {
        List<Offer> offers = new ArrayList<>();
        for (IngestibleType type : IngestibleType.values()) {
            offers.add(new Offer(type.fhirName(), Set.of(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE,
                    TypeRestfulInteraction.READ, TypeRestfulInteraction.VREAD), List.of(), true, true));
        }
        for (String type : ResultSearchParameters.TYPES) {
            List<SearchParam> params = new ArrayList<>(ResultSearchParameters.filters(type));
            params.addAll(ResultSearchParameters.resultParameters());
            offers.add(new Offer(type, Set.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE),
                    List.copyOf(params), false, true));
        }
        offers.add(new Offer("AuditEvent", Set.of(TypeRestfulInteraction.SEARCHTYPE), AuditSearchParameters.ALL,
                false, false));
        return List.copyOf(offers);
    }
}
