package org.toxgrade.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * JSON parsing and encoding with the shared context. A new parser per call: HAPI parsers are not
 * thread-safe. Unknown elements are tolerated (the raw text is kept elsewhere, so nothing is lost)
 * but values that are not valid FHIR (a date that is not a date) are errors.
 */
@Singleton
public class FhirJson {

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final FhirContext context;

    public FhirJson(FhirContext context) {
        this.context = context;
    }

    public FhirContext context() {
        return context;
    }

    /** Parses a resource, answering 400 with a diagnosable OperationOutcome when it is not FHIR JSON. */
    public IBaseResource parse(String json) {
        return parse(json, newParser());
    }

    private IBaseResource parse(String json, IParser parser) {
        try {
            return parser.parseResource(json);
        } catch (DataFormatException | IllegalArgumentException | NullPointerException e) {
            // HAPI answers some malformed input with a NullPointerException of its own (a Bundle entry,
            // even one inside a contained Bundle, whose resource is a string): that too is input that is not FHIR.
            FhirError code = FhirError.NOT_FHIR_JSON;
            throw new FhirException(code, code.status(), code.issueType(), code.message(withoutValues(e.getMessage())),
                    null, e);
        }
    }

    /** A resource parsed, with the elements it held that FHIR R4 does not define (at most 20 named). */
    public record Parsed(IBaseResource resource, List<String> unknownElements) {
    }

    /**
     * Parses like {@link #parse} and names every element R4 does not define (a typo such as
     * {@code valueQuanity} would otherwise lose its value without a word): the caller refuses them
     * ({@code Prefer: handling=strict}) or warns the sender.
     */
    public Parsed parseNoting(String json) {
        Set<String> unknown = new LinkedHashSet<>();
        LenientErrorHandler errors = new LenientErrorHandler(false) {

            @Override
            public void unknownElement(IParseLocation location, String name) {
                note(location, name);
            }

            @Override
            public void unknownAttribute(IParseLocation location, String name) {
                note(location, name);
            }

            private void note(IParseLocation location, String name) {
                if (unknown.size() < 20) {
                    String parent = location == null ? null : location.getParentElementName();
                    String path = parent == null ? name : parent + "." + name;
                    unknown.add(path.length() <= 128 ? path : path.substring(0, 128) + "...");
                }
            }
        };
        errors.setErrorOnInvalidValue(true);
        return new Parsed(parse(json, context.newJsonParser().setParserErrorHandler(errors)), List.copyOf(unknown));
    }

    /**
     * HAPI quotes the offending value in its messages; an answer must not carry patient values, so
     * keep the element names ({@code [element="..."]}) and blank every other quoted text.
     */
    static String withoutValues(String message) {
        if (message == null) {
            return "";
        }
        // Quoted segments pair up left to right; only element names survive.
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            boolean elementName = message.startsWith("element=", Math.max(0, quoted.start() - 8))
                    && quoted.start() >= 8;
            quoted.appendReplacement(out, elementName ? Matcher.quoteReplacement(quoted.group()) : "\"...\"");
        }
        quoted.appendTail(out);
        return out.toString();
    }

    public String encode(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    /**
     * How much of a resource an answer shows ({@code _elements}, {@code _summary}, {@code _pretty}).
     *
     * @param elements element paths such as {@code Condition.code}, applied to the resources inside a
     *                 Bundle; empty for all
     */
    /**
     * @param entriesOnly whether {@code elements} shape the resources inside a Bundle (a searchset) rather
     *                    than the resource encoded (a read)
     */
    public record Shape(Set<String> elements, boolean summary, boolean withoutNarrative, boolean pretty,
            boolean entriesOnly) {

        public static final Shape WHOLE = new Shape(Set.of(), false, false, false, false);
    }

    /** Encodes with a shape; HAPI marks a subset of a resource with the SUBSETTED tag. */
    public String encode(IBaseResource resource, Shape shape) {
        IParser parser = context.newJsonParser().setPrettyPrint(shape.pretty()).setSummaryMode(shape.summary())
                .setSuppressNarratives(shape.withoutNarrative());
        if (!shape.elements().isEmpty()) {
            parser.setEncodeElements(shape.elements());
            parser.setEncodeElementsAppliesToChildResourcesOnly(shape.entriesOnly());
        }
        return parser.encodeResourceToString(resource);
    }

    private IParser newParser() {
        LenientErrorHandler errors = new LenientErrorHandler(false);
        errors.setErrorOnInvalidValue(true);
        return context.newJsonParser().setParserErrorHandler(errors);
    }
}
