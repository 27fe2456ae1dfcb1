package org.toxgrade.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.results.ResultQuery.ColumnIn;
import org.toxgrade.results.ResultQuery.Criterion;
import org.toxgrade.results.ResultQuery.DateIn;
import org.toxgrade.results.ResultQuery.Token;
import org.toxgrade.results.ResultQuery.TokenIn;

/**
 * Finds stored Conditions and Flags for a {@link ResultQuery}: one page in the order of last-updated
 * time and id, continued from a {@link PageCursor} (a keyset, so a page costs the same wherever it is),
 * and the number of all matches. Coded and dated elements are matched in the stored resource itself
 * (jsonb path queries), so what a search matches is exactly what the resource says.
 */
@ApplicationScoped
public class ResultSearch {

    /** One page and whether there are results beyond it in either direction. */
    public record Page(List<DerivedResourceRow> rows, boolean hasNext, boolean hasPrevious) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public Uni<Page> page(Mutiny.Session session, ResultQuery query) {
        Where where = where(query);
        PageCursor cursor = query.cursor();
        boolean forward = cursor == null || cursor.after();
        // A previous page is read backwards from its cursor, then put back in the order of the search.
        boolean scanAscending = query.ascending() == forward;
        StringBuilder sql = new StringBuilder("select r.* ").append(where.from()).append(where.sql());
        if (cursor != null) {
            sql.append(" and (r.last_updated, r.resource_id) ").append(scanAscending ? ">" : "<")
                    .append(" (:cursorAt, :cursorId)");
            where.params().put("cursorAt", cursor.lastUpdated());
            where.params().put("cursorId", cursor.id());
        }
        String direction = scanAscending ? "asc" : "desc";
        sql.append(" order by r.last_updated ").append(direction).append(", r.resource_id ").append(direction);
        Mutiny.SelectionQuery<DerivedResourceRow> select = session.createNativeQuery(sql.toString(),
                DerivedResourceRow.class);
        where.params().forEach(select::setParameter);
        return select.setMaxResults(query.count() + 1).getResultList().map(found -> {
            boolean more = found.size() > query.count();
            List<DerivedResourceRow> rows = new ArrayList<>(found.subList(0, Math.min(found.size(), query.count())));
            if (!forward) {
                Collections.reverse(rows);
            }
            return forward
                    ? new Page(rows, more, cursor != null)
                    : new Page(rows, true, more);
        });
    }

    /** How many results match, whatever the page. */
    public Uni<Long> count(Mutiny.Session session, ResultQuery query) {
        Where where = where(query);
        Mutiny.SelectionQuery<Long> select = session.createNativeQuery(
                "select cast(count(*) as bigint) " + where.from() + where.sql(), Long.class);
        where.params().forEach(select::setParameter);
        return select.getSingleResult();
    }

    public Uni<DerivedResourceRow> read(Mutiny.Session session, String resourceType, String id) {
        return session.find(DerivedResourceRow.class, new DerivedResourceRow.Key(resourceType, id));
    }

    private record Where(String from, String sql, Map<String, Object> params) {
    }

    private static Where where(ResultQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", query.type());
        StringBuilder sql = new StringBuilder(" where r.resource_type = :type");
        boolean json = false;
        for (Criterion criterion : query.criteria()) {
            sql.append(" and (");
            if (criterion instanceof ColumnIn in) {
                String column = switch (in.column()) {
                    case ID -> "r.resource_id";
                    case PATIENT -> "r.patient_ref";
                    case STATUS -> "r.status";
                };
                List<String> names = new ArrayList<>();
                for (String value : in.values()) {
                    names.add(":" + bind(params, value));
                }
                sql.append(column).append(" in (").append(String.join(", ", names)).append(')');
            } else if (criterion instanceof TokenIn in) {
                json = true;
                List<String> alternatives = new ArrayList<>();
                for (Token token : in.tokens()) {
                    alternatives.add(tokenMatch(params, in.element(), token));
                }
                sql.append(String.join(" or ", alternatives));
            } else if (criterion instanceof DateIn in) {
                json |= in.element() != ResultQuery.DatedElement.LAST_UPDATED;
                List<String> alternatives = new ArrayList<>();
                for (ResultQuery.DateTest test : in.tests()) {
                    alternatives.add("(" + dateMatch(params, in.element(), test) + ")");
                }
                sql.append(String.join(" or ", alternatives));
            }
            sql.append(')');
        }
        String from = json
                ? "from derived_resource r cross join lateral (select cast(r.resource_json as jsonb) as doc) j"
                : "from derived_resource r";
        return new Where(from, sql.toString(), params);
    }

    /** A jsonb path over the element's codings (or identifiers), with the token's values as variables. */
    private static String tokenMatch(Map<String, Object> params, ResultQuery.CodedElement element, Token token) {
        String items = switch (element) {
            case CODE -> "$.code.coding[*]";
            case CATEGORY -> "$.category[*].coding[*]";
            case IDENTIFIER -> "$.identifier[*]";
        };
        String key = element == ResultQuery.CodedElement.IDENTIFIER ? "value" : "code";
        List<String> tests = new ArrayList<>();
        ObjectNode vars = JSON.createObjectNode();
        if (token.system() != null) {
            tests.add("@.system == $s");
            vars.put("s", token.system());
        }
        if (token.code() != null) {
            tests.add("@." + key + " == $c");
            vars.put("c", token.code());
        }
        if (token.withoutSystem()) {
            tests.add("!exists(@.system)");
        }
        String path = bind(params, items + " ? (" + String.join(" && ", tests) + ")");
        String variables = bind(params, vars.toString());
        // Through text: a parameter the server takes as jsonb would be sent as a JSON string, not an object.
        return "jsonb_path_exists(j.doc, cast(cast(:" + path + " as text) as jsonpath), cast(cast(:" + variables
                + " as text) as jsonb))";
    }

    /**
     * A point in time (last updated, onset) against the range a search date stands for; the Flag's period,
     * open at the end while the flag is active, by overlap.
     */
    private static String dateMatch(Map<String, Object> params, ResultQuery.DatedElement element,
            ResultQuery.DateTest in) {
        // Bound only where used: a named parameter the statement lacks is an error.
        Supplier<String> from = () -> ":" + bind(params, in.range().from());
        Supplier<String> to = () -> ":" + bind(params, in.range().to());
        if (element == ResultQuery.DatedElement.PERIOD) {
            String start = "cast(j.doc->'period'->>'start' as timestamptz)";
            String end = "cast(j.doc->'period'->>'end' as timestamptz)";
            return switch (in.prefix()) {
                case "gt" -> end + " is null or " + end + " >= " + to.get();
                case "ge" -> end + " is null or " + end + " >= " + from.get();
                case "lt" -> start + " < " + from.get();
                case "le" -> start + " < " + to.get();
                default -> start + " < " + to.get() + " and (" + end + " is null or " + end + " >= " + from.get() + ")";
            };
        }
        String at = element == ResultQuery.DatedElement.LAST_UPDATED
                ? "r.last_updated"
                : "cast(j.doc->>'onsetDateTime' as timestamptz)";
        return switch (in.prefix()) {
            case "gt" -> at + " >= " + to.get();
            case "ge" -> at + " >= " + from.get();
            case "lt" -> at + " < " + from.get();
            case "le" -> at + " < " + to.get();
            default -> at + " >= " + from.get() + " and " + at + " < " + to.get();
        };
    }

    private static String bind(Map<String, Object> params, Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return name;
    }
}
