package org.toxgrade.results;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * A search of Conditions or Flags as the parser understood it: the criteria (all must hold; within one
 * criterion any alternative may), the page asked for and how the answer is shaped.
 *
 * @param count    entries per page; 0 asks for the total only
 * @param cursor   where the page starts, null for the first page
 * @param total    whether {@code Bundle.total} is counted ({@code _total=none} says not)
 * @param elements the top-level elements to return ({@code _elements}); empty for all
 */
public record ResultQuery(String type, List<Criterion> criteria, int count, boolean ascending, PageCursor cursor,
        boolean total, Summary summary, Set<String> elements, boolean pretty) {

    /** {@code _summary}: count answers the total only, true the summary elements, data all but the narrative. */
    public enum Summary {
        FALSE, TRUE, DATA, COUNT
    }

    /** One condition of a search. */
    public sealed interface Criterion permits ColumnIn, TokenIn, DateIn {
    }

    /** Stored columns a search matches exactly. */
    public enum Column {
        ID, PATIENT, STATUS
    }

    /** The coded elements of a result a token search looks into. */
    public enum CodedElement {
        CODE, CATEGORY, IDENTIFIER
    }

    /** The dated elements of a result: points (last updated, onset) and the Flag's period. */
    public enum DatedElement {
        LAST_UPDATED, ONSET, PERIOD
    }

    /** The column equals one of the values. */
    public record ColumnIn(Column column, List<String> values) implements Criterion {
    }

    /** A coding (or identifier) of the element matches one of the tokens. */
    public record TokenIn(CodedElement element, List<Token> tokens) implements Criterion {
    }

    /**
     * A FHIR token: {@code system|code}, {@code code} (any system), {@code |code} (no system) or
     * {@code system|} (any code of the system).
     */
    public record Token(String system, String code, boolean withoutSystem) {
    }

    /**
     * The element's date passes one of the tests: FHIR's "or" of comma-separated values
     * ({@code date=2025-03-05,2025-03-08}), each with its own prefix.
     */
    public record DateIn(DatedElement element, List<DateTest> tests) implements Criterion {
    }

    /** The date compares with the range by the prefix ({@code eq gt ge lt le}). */
    public record DateTest(String prefix, DateRange range) {
    }

    /** The instants a search date stands for: from {@code from} (inclusive) to {@code to} (exclusive). */
    public record DateRange(OffsetDateTime from, OffsetDateTime to) {
    }
}
