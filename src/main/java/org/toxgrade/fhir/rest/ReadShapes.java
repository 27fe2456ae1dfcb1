package org.toxgrade.fhir.rest;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toxgrade.fhir.FhirError;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.FhirMediaTypes;

/**
 * The shape a read answers in, from the parameters FHIR R4 lets a read carry (http.html#read, search.html
 * 3.1.1.5.8-9): {@code _elements}, {@code _summary} ({@code true}, {@code data}, {@code false}),
 * {@code _pretty} and {@code _format}. A value it cannot honour is a 400 rather than a whole resource the
 * client did not ask for. Other parameters on a read are ignored, as FHIR servers do: a read names one
 * resource, so no parameter can widen what it returns.
 */
public final class ReadShapes {

    private static final List<String> SHAPING = List.of("_elements", "_summary", "_pretty", "_format");

    private ReadShapes() {
    }

    public static FhirJson.Shape parse(FhirContext context, String type, Map<String, List<String>> query) {
        for (String name : SHAPING) {
            if (query.getOrDefault(name, List.of()).size() > 1) {
                throw FhirError.READ_PARAMETER_REPEATED.refuseAt(name, name);
            }
        }
        String format = single(query, "_format");
        if (format != null && !Set.of("json", FhirMediaTypes.JSON, FhirMediaTypes.FHIR_JSON).contains(format)) {
            throw FhirError.NOT_ACCEPTABLE.refuse(FhirMediaTypes.FHIR_JSON);
        }
        String pretty = single(query, "_pretty");
        if (pretty != null && !pretty.equals("true") && !pretty.equals("false")) {
            throw FhirError.READ_PRETTY_INVALID.refuseAt("_pretty");
        }
        String summary = single(query, "_summary");
        if (summary != null && !Set.of("true", "data", "false").contains(summary)) {
            throw FhirError.READ_SUMMARY_UNSUPPORTED.refuseAt("_summary");
        }
        return new FhirJson.Shape(elements(context, type, single(query, "_elements")), "true".equals(summary),
                "data".equals(summary), "true".equals(pretty), false);
    }

    /** {@code Type.element} for each listed element of the type ({@code value} for {@code value[x]}). */
    private static Set<String> elements(FhirContext context, String type, String value) {
        if (value == null || !context.getResourceTypes().contains(type)) {
            return Set.of(); // not a type at all: the read refuses it with its own code
        }
        Set<String> elements = new LinkedHashSet<>();
        for (String element : value.split(",")) {
            String name = element.trim();
            if (!isElementOf(context, type, name)) {
                throw FhirError.READ_ELEMENT_UNKNOWN.refuseAt("_elements", shown(name), type);
            }
            elements.add(type + "." + name);
        }
        return elements;
    }

    /**
     * Whether {@code name} is a top-level element of the R4 type ({@code onset} stands for {@code onset[x]}):
     * what {@code _elements} may name, on a read and in a search alike.
     */
    public static boolean isElementOf(FhirContext context, String type, String name) {
        var definition = (BaseRuntimeElementCompositeDefinition<?>) context.getResourceDefinition(type);
        return definition.getChildByName(name) != null || definition.getChildByName(name + "[x]") != null;
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String shown(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
