package org.toxgrade.results;

import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.DATE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.NUMBER;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.REFERENCE;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.SPECIAL;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.STRING;
import static org.hl7.fhir.r4.model.Enumerations.SearchParamType.TOKEN;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.toxgrade.fhir.SearchParam;

/**
 * The search parameters of {@code GET /fhir/Condition} and {@code GET /fhir/Flag}: the one table the
 * query parser accepts and the CapabilityStatement declares. A parameter that is not here is refused
 * with 400, never ignored: an ignored {@code subject} would widen a search to every patient.
 */
public final class ResultSearchParameters {

    /** The types the read API searches. */
    public static final List<String> TYPES = List.of("Condition", "Flag");

    private static final String SP = "http://hl7.org/fhir/SearchParameter/";

    static final SearchParam ID = new SearchParam("_id", TOKEN, SP + "Resource-id",
            "the result's id (equal to its identifier value); a comma separates alternatives");
    static final SearchParam LAST_UPDATED = new SearchParam("_lastUpdated", DATE, SP + "Resource-lastUpdated",
            "when the service last changed the result: prefix eq, gt, ge, lt or le, then a date or an instant "
                    + "with a time zone; repeat for a range, a comma separates alternatives");
    static final SearchParam IDENTIFIER = new SearchParam("identifier", TOKEN, SP + "clinical-identifier",
            "business identifier, system|value (system http://toxgrade.org/fhir/sid/derived-result)");
    static final SearchParam PATIENT = new SearchParam("patient", REFERENCE, SP + "clinical-patient",
            "the patient: an id or Patient/id");
    static final SearchParam SUBJECT = new SearchParam("subject", REFERENCE, null,
            "the patient, as a reference Patient/id (the same search as patient)");
    static final SearchParam CODE = new SearchParam("code", TOKEN, SP + "clinical-code",
            "system|code, code, |code or system|; a comma separates alternatives");

    static final SearchParam CONDITION_CATEGORY = new SearchParam("category", TOKEN, SP + "Condition-category",
            "e.g. http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis");
    static final SearchParam CLINICAL_STATUS = new SearchParam("clinical-status", TOKEN,
            SP + "Condition-clinical-status", "active, recurrence or resolved");
    static final SearchParam ONSET_DATE = new SearchParam("onset-date", DATE, SP + "Condition-onset-date",
            "onset of the first spell: prefix eq, gt, ge, lt or le, then a date (UTC days) or an instant; a comma "
                    + "separates alternatives");

    static final SearchParam FLAG_IDENTIFIER = new SearchParam("identifier", TOKEN, null,
            "business identifier, system|value (system http://toxgrade.org/fhir/sid/derived-result)");
    static final SearchParam FLAG_CODE = new SearchParam("code", TOKEN, null,
            "system|code, code, |code or system|; a comma separates alternatives");
    static final SearchParam FLAG_CATEGORY = new SearchParam("category", TOKEN, null,
            "e.g. http://terminology.hl7.org/CodeSystem/flag-category|clinical");
    static final SearchParam FLAG_STATUS = new SearchParam("status", TOKEN, null,
            "active or inactive");
    static final SearchParam FLAG_DATE = new SearchParam("date", DATE, SP + "clinical-date",
            "the flag's period overlaps the value's range (eq), or extends past (gt, ge) or before (lt, le) it; a "
                    + "comma separates alternatives");

    static final SearchParam COUNT = new SearchParam("_count", NUMBER, null,
            "entries per page, 0 to " + ResultQueryParser.MAX_COUNT + " (default " + ResultQueryParser.DEFAULT_COUNT
                    + "); 0 answers the total only; anything else is a 400");
    static final SearchParam SORT = new SearchParam("_sort", STRING, null,
            "_lastUpdated (oldest first) or -_lastUpdated (newest first, the default); ties by id");
    static final SearchParam SUMMARY = new SearchParam("_summary", TOKEN, null,
            "count (the total only), true, data or false");
    static final SearchParam TOTAL = new SearchParam("_total", TOKEN, null,
            "none leaves Bundle.total out; accurate and estimate count every match (the default)");
    static final SearchParam ELEMENTS = new SearchParam("_elements", STRING, null,
            "top-level elements to return, comma-separated; the resources are marked SUBSETTED");
    static final SearchParam PAGE = new SearchParam("_page", SPECIAL, null,
            "a page cursor from a next or previous link; use the links as they are");
    static final SearchParam FORMAT = new SearchParam("_format", TOKEN, null, "json or application/fhir+json");
    static final SearchParam PRETTY = new SearchParam("_pretty", TOKEN, null, "true or false");

    private static final List<SearchParam> RESULT = List.of(COUNT, SORT, SUMMARY, TOTAL, ELEMENTS, PAGE, FORMAT,
            PRETTY);

    private static final Map<String, List<SearchParam>> FILTERS = Map.of(
            "Condition", List.of(ID, LAST_UPDATED, IDENTIFIER, PATIENT, SUBJECT, CODE, CONDITION_CATEGORY,
                    CLINICAL_STATUS, ONSET_DATE),
            "Flag", List.of(ID, LAST_UPDATED, FLAG_IDENTIFIER, PATIENT, SUBJECT, FLAG_CODE, FLAG_CATEGORY, FLAG_STATUS,
                    FLAG_DATE));

    private ResultSearchParameters() {
    }

    /** The parameters that narrow a search of {@code type}. */
    public static List<SearchParam> filters(String type) {
        return FILTERS.get(type);
    }

    /** The parameters that shape the answer (paging, sort, summary), the same for every type. */
    public static List<SearchParam> resultParameters() {
        return RESULT;
    }

    static Optional<SearchParam> find(String type, String name) {
        return FILTERS.get(type).stream().filter(p -> p.name().equals(name)).findFirst()
                .or(() -> RESULT.stream().filter(p -> p.name().equals(name)).findFirst());
    }
}
