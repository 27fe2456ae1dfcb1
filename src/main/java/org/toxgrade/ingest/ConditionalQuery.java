package org.toxgrade.ingest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search of a conditional write ({@code If-None-Exist: identifier=...}, {@code PUT Type?identifier=...}).
 * Only {@code identifier=system|value} is taken: a condition on anything else would be answered by a
 * search this service does not run on received resources, and a condition silently ignored would
 * create or overwrite the wrong record.
 */
public final class ConditionalQuery {

    private ConditionalQuery() {
    }

    /** A query string ({@code a=b&c=d}) as parameters. */
    public static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        // FHIR sends the query alone; some clients (HAPI) put the type, or a whole URL, before it.
        int question = query.indexOf('?');
        String q = question >= 0 ? query.substring(question + 1) : query;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    public static Precondition.Identifier identifier(String what, Map<String, List<String>> params) {
        List<String> values = params.get("identifier");
        if (params.size() != 1 || values == null || values.size() != 1) {
            throw IngestError.CONDITION_INVALID.refuseAt(what, what);
        }
        String token = values.get(0);
        int bar = token.indexOf('|');
        if (bar <= 0 || bar == token.length() - 1 || token.indexOf('|', bar + 1) >= 0) {
            throw IngestError.CONDITION_INVALID.refuseAt(what, what);
        }
        return new Precondition.Identifier(token.substring(0, bar), token.substring(bar + 1));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IngestError.CONDITION_INVALID.refuseAt("If-None-Exist", "If-None-Exist");
        }
    }
}
