package org.toxgrade.results;

import ca.uhn.fhir.context.FhirContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.fhir.SearchParam;
import org.toxgrade.fhir.rest.ReadShapes;
import org.toxgrade.results.ResultQuery.CodedElement;
import org.toxgrade.results.ResultQuery.Column;
import org.toxgrade.results.ResultQuery.ColumnIn;
import org.toxgrade.results.ResultQuery.Criterion;
import org.toxgrade.results.ResultQuery.DateIn;
import org.toxgrade.results.ResultQuery.DateRange;
import org.toxgrade.results.ResultQuery.DateTest;
import org.toxgrade.results.ResultQuery.DatedElement;
import org.toxgrade.results.ResultQuery.Summary;
import org.toxgrade.results.ResultQuery.Token;
import org.toxgrade.results.ResultQuery.TokenIn;

/**
 * Reads the query of a Condition or Flag search into a {@link ResultQuery}, by the table of
 * {@link ResultSearchParameters}. Every parameter it does not know, every modifier and every value it
 * cannot read is a 400 naming the parameter: a clinical search that silently matched more than asked
 * (another patient's results) is never safe, so {@code Prefer: handling=lenient} does not relax this.
 */
public final class ResultQueryParser {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;
    private static final Pattern DATE_PREFIX = Pattern.compile("^(eq|gt|ge|lt|le)");
    private static final Pattern OTHER_PREFIX = Pattern.compile("^(ne|sa|eb|ap)\\d.*");
    private static final Pattern SINGLE_VALUED = Pattern
            .compile("_count|_sort|_summary|_total|_elements|_page|_format|_pretty");

    private final FhirContext context;

    public ResultQueryParser(FhirContext context) {
        this.context = context;
    }

    public ResultQuery parse(String type, Map<String, List<String>> query) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(query.keySet())) {
            if (name.contains(":")) {
                throw ResultError.MODIFIER_UNSUPPORTED.refuseAt(shown(name), shown(name));
            }
            if (ResultSearchParameters.find(type, name).isEmpty()) {
                unknown.add(shown(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw ResultError.UNKNOWN_PARAMETER.refuseAt(unknown.get(0), String.join(", ", unknown), type);
        }
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (SINGLE_VALUED.matcher(e.getKey()).matches() && e.getValue().size() > 1) {
                throw ResultError.PARAMETER_REPEATED.refuseAt(e.getKey(), e.getKey());
            }
        }
        List<Criterion> criteria = new ArrayList<>();
        for (SearchParam param : ResultSearchParameters.filters(type)) {
            for (String value : query.getOrDefault(param.name(), List.of())) {
                criteria.add(criterion(type, param, value));
            }
        }
        int count = count(single(query, "_count"));
        Summary summary = summary(single(query, "_summary"));
        if (count == 0) {
            summary = Summary.COUNT;
        }
        String page = single(query, "_page");
        format(single(query, "_format"));
        return new ResultQuery(type, List.copyOf(criteria), count, ascending(single(query, "_sort")),
                page == null ? null : PageCursor.parse(page), total(single(query, "_total")), summary,
                elements(type, single(query, "_elements")), "true".equals(pretty(single(query, "_pretty"))));
    }

    private Criterion criterion(String type, SearchParam param, String value) {
        String name = param.name();
        if (value == null || value.isEmpty()) {
            throw ResultError.VALUE_EMPTY.refuseAt(name, name);
        }
        return switch (name) {
            case "_id" -> new ColumnIn(Column.ID, alternatives(value).stream()
                    .map(id -> FhirIds.require(id, "_id")).toList());
            case "patient", "subject" -> new ColumnIn(Column.PATIENT, alternatives(value).stream()
                    .map(ref -> patientReference(name, ref)).toList());
            case "clinical-status" -> new ColumnIn(Column.STATUS, statusCodes(name, value,
                    "http://terminology.hl7.org/CodeSystem/condition-clinical"));
            case "status" -> new ColumnIn(Column.STATUS, statusCodes(name, value, "http://hl7.org/fhir/flag-status"));
            case "code" -> new TokenIn(CodedElement.CODE, tokens(name, value));
            case "category" -> new TokenIn(CodedElement.CATEGORY, tokens(name, value));
            case "identifier" -> new TokenIn(CodedElement.IDENTIFIER, tokens(name, value));
            case "_lastUpdated" -> date(DatedElement.LAST_UPDATED, name, value);
            case "onset-date" -> date(DatedElement.ONSET, name, value);
            case "date" -> date(DatedElement.PERIOD, name, value);
            default -> throw new IllegalStateException("parameter in the table without a parser: " + name);
        };
    }

    /** {@code x} or {@code Patient/x} (subject: {@code Patient/x}); the id under the one id rule. */
    private static String patientReference(String name, String value) {
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        if (name.equals("subject") && !value.startsWith("Patient/") && value.contains("/")) {
            throw ResultError.REFERENCE_NOT_PATIENT.refuseAt(name, name);
        }
        if (!FhirIds.isValid(id)) {
            throw FhirError.INVALID_ID.refuseAt(name);
        }
        return "Patient/" + id;
    }

    /** A status search: the code, with the status' own system or none. */
    private static List<String> statusCodes(String name, String value, String system) {
        List<String> codes = new ArrayList<>();
        for (Token token : tokens(name, value)) {
            if (token.code() == null || token.system() != null && !token.system().equals(system)) {
                throw ResultError.TOKEN_INVALID.refuseAt(name, name);
            }
            codes.add(token.code());
        }
        return codes;
    }

    private static List<Token> tokens(String name, String value) {
        List<Token> tokens = new ArrayList<>();
        for (String alternative : alternatives(value)) {
            int bar = alternative.indexOf('|');
            if (alternative.isEmpty() || alternative.equals("|") || bar != alternative.lastIndexOf('|')) {
                throw ResultError.TOKEN_INVALID.refuseAt(name, name);
            }
            if (bar < 0) {
                tokens.add(new Token(null, alternative, false));
            } else if (bar == 0) {
                tokens.add(new Token(null, alternative.substring(1), true));
            } else {
                String code = alternative.substring(bar + 1);
                tokens.add(new Token(alternative.substring(0, bar), code.isEmpty() ? null : code, false));
            }
        }
        return tokens;
    }

    /** FHIR's "or": values separated by commas, a comma in a value escaped as {@code \,}. */
    static List<String> alternatives(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                current.append(value.charAt(++i));
            } else if (c == ',') {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    /** One or more dates separated by commas (FHIR's "or"; a date holds no comma, so none is escaped). */
    private static DateIn date(DatedElement element, String name, String value) {
        List<DateTest> tests = new ArrayList<>();
        for (String alternative : value.split(",", -1)) {
            tests.add(dateTest(name, alternative));
        }
        return new DateIn(element, List.copyOf(tests));
    }

    private static DateTest dateTest(String name, String value) {
        if (OTHER_PREFIX.matcher(value).matches()) {
            throw ResultError.DATE_PREFIX_UNSUPPORTED.refuseAt(name, name);
        }
        String op = "eq";
        String text = value;
        var prefix = DATE_PREFIX.matcher(value);
        if (prefix.find()) {
            op = prefix.group(1);
            text = value.substring(2);
        }
        return new DateTest(op, range(name, text));
    }

    /** A year, month or day (UTC) stands for all of it; an instant (with its zone) for its second or finer. */
    static DateRange range(String name, String text) {
        try {
            if (text.matches("\\d{4}")) {
                OffsetDateTime from = LocalDate.of(Integer.parseInt(text), 1, 1).atStartOfDay()
                        .atOffset(ZoneOffset.UTC);
                return new DateRange(from, from.plusYears(1));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                OffsetDateTime from = YearMonth.parse(text).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
                return new DateRange(from, from.plusMonths(1));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                OffsetDateTime from = LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                return new DateRange(from, from.plusDays(1));
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})")) {
                OffsetDateTime at = OffsetDateTime.parse(text);
                boolean fraction = text.contains(".");
                return new DateRange(at, fraction ? at.plus(1, ChronoUnit.MICROS) : at.plusSeconds(1));
            }
        } catch (java.time.DateTimeException e) {
            // falls through to the refusal
        }
        throw ResultError.DATE_INVALID.refuseAt(name, name);
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int count(String value) {
        if (value == null) {
            return DEFAULT_COUNT;
        }
        if (!value.matches("\\d{1,9}")) {
            throw ResultError.COUNT_INVALID.refuseAt("_count", MAX_COUNT);
        }
        // More than the most a page holds is served as full pages: FHIR lets a server page a large _count.
        return Math.min(Integer.parseInt(value), MAX_COUNT);
    }

    private static boolean ascending(String value) {
        if (value == null || value.equals("-_lastUpdated")) {
            return false;
        }
        if (value.equals("_lastUpdated")) {
            return true;
        }
        throw ResultError.SORT_UNSUPPORTED.refuseAt("_sort");
    }

    private static Summary summary(String value) {
        if (value == null) {
            return Summary.FALSE;
        }
        return switch (value) {
            case "false" -> Summary.FALSE;
            case "true" -> Summary.TRUE;
            case "data" -> Summary.DATA;
            case "count" -> Summary.COUNT;
            default -> throw ResultError.SUMMARY_UNSUPPORTED.refuseAt("_summary");
        };
    }

    private static boolean total(String value) {
        if (value == null || value.equals("accurate") || value.equals("estimate")) {
            return true;
        }
        if (value.equals("none")) {
            return false;
        }
        throw ResultError.TOTAL_INVALID.refuseAt("_total");
    }

    private static void format(String value) {
        if (value != null && !Set.of("json", "application/json", "application/fhir+json").contains(value)) {
            throw FhirError.NOT_ACCEPTABLE.refuse("application/fhir+json");
        }
    }

    private static String pretty(String value) {
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw ResultError.PRETTY_INVALID.refuseAt("_pretty");
        }
        return value;
    }

    /** Element names of the type's definition ({@code onset} for {@code onset[x]}). */
    private Set<String> elements(String type, String value) {
        if (value == null) {
            return Set.of();
        }
        Set<String> elements = new LinkedHashSet<>();
        for (String element : value.split(",")) {
            String name = element.trim();
            if (!ReadShapes.isElementOf(context, type, name)) {
                throw ResultError.ELEMENT_UNKNOWN.refuseAt("_elements", shown(name), type);
            }
            elements.add(name);
        }
        return elements;
    }

    /** A name as the answer may show it: short, since it came from the caller. */
    private static String shown(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
