package org.toxgrade.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.Utf16;

/**
 * Reads a request body as a JSON tree, after checking its tokens against the JSON limits of
 * {@link IngestSettings} (README "Limits"): nesting depth, the length of strings, of numbers (also
 * written out without their exponent) and of property names, and that every string is Unicode (no
 * half of a surrogate pair). The check streams the body and builds nothing, so a hostile body costs
 * one pass and is refused with its own code and where it went wrong; only a body within the limits
 * is built into a tree, and only then parsed by HAPI.
 *
 * <p>Jackson's own limits are set out of the way here: when they fire they say neither which limit
 * nor where (the exception has no location), which is what made such bodies a 500. HAPI's parser has
 * its own, above the defaults of these (1,000 levels, 1,000-character numbers, 50,000-character
 * names); limits configured above those make HAPI refuse the body as not FHIR (TG-FHIR-001, a 400).
 */
@Singleton
public class JsonBodyReader {

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final IngestSettings limits;

    public JsonBodyReader(ObjectMapper mapper, IngestSettings limits) {
        this.mapper = mapper.copy();
        this.factory = this.mapper.getFactory();
        this.factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE)
                .maxNumberLength(Integer.MAX_VALUE)
                .maxNameLength(Integer.MAX_VALUE)
                .build());
        this.limits = limits;
    }

    /** The body's JSON tree; a 400 when it is not well-formed JSON or goes over a limit. */
    public JsonNode read(String body) {
        check(body);
        JsonParser parser = parser(body);
        try (parser) {
            return mapper.readTree(parser);
        } catch (JsonProcessingException e) {
            throw malformed(e, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(String body) {
        JsonParser parser = parser(body);
        try (parser) {
            int depth = 0;
            boolean rootRead = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (rootRead) {
                    // A second value after the first: not one JSON document.
                    throw IngestError.MALFORMED_JSON.refuse(line(parser), column(parser));
                }
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > limits.maxDepth()) {
                            throw over(IngestError.TOO_DEEP, limits.maxDepth(), parser);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> checkText(parser, limits.maxNameLength(), IngestError.NAME_TOO_LONG);
                    case VALUE_STRING -> checkText(parser, limits.maxStringLength(), IngestError.STRING_TOO_LONG);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                        int max = limits.maxNumberLength();
                        if (parser.getTextLength() > max || writtenOutLength(parser.getText()) > max) {
                            throw over(IngestError.NUMBER_TOO_LONG, max, parser);
                        }
                    }
                    default -> {
                        // true, false, null: nothing to check
                    }
                }
                rootRead = depth == 0;
            }
        } catch (JsonProcessingException e) {
            throw malformed(e, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How long the number is written out without an exponent, as HAPI writes decimals: {@code 1e999999999} is
     * 11 characters sent and a billion once parsed (a heap exhausted by a 40-byte body).
     */
    static long writtenOutLength(String number) {
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // an exponent beyond int: longer than any limit
        }
        long precision = value.precision();
        long scale = value.scale();
        long digits = scale <= 0 ? precision - scale : scale < precision ? precision + 1 : scale + 2;
        return digits + (value.signum() < 0 ? 1 : 0);
    }

    private static void checkText(JsonParser parser, int max, IngestError tooLong) throws IOException {
        int length = parser.getTextLength();
        if (length > max) {
            throw over(tooLong, max, parser);
        }
        if (Utf16.hasUnpairedSurrogate(parser.getTextCharacters(), parser.getTextOffset(), length)) {
            throw IngestError.UNPAIRED_SURROGATE.refuse(line(parser), column(parser));
        }
    }

    private JsonParser parser(String body) {
        try {
            return factory.createParser(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FhirException over(IngestError limit, int max, JsonParser parser) {
        return limit.refuse(max, line(parser), column(parser));
    }

    /** Jackson's location helps the sender; its message does not echo values. */
    private static FhirException malformed(JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        return IngestError.MALFORMED_JSON.refuse(at.getLineNr(), at.getColumnNr());
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static int column(JsonParser parser) {
        return parser.currentTokenLocation().getColumnNr();
    }
}
