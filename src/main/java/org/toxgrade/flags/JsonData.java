package org.toxgrade.flags;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the clinical reference data shipped as JSON (the paediatric blood pressure coefficients,
 * the growth chart parameters) without a framework: objects become {@link Map}s, arrays
 * {@link List}s, numbers {@link Double}s. Only what those files use; a malformed file fails loudly
 * at first use.
 */
final class JsonData {

    private final String text;
    private int at;

    private JsonData(String text) {
        this.text = text;
    }

    /** The parsed content of a classpath resource, e.g. {@code /clinical-data/x.json}. */
    static Object resource(String name) {
        try (InputStream in = JsonData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing clinical reference data " + name);
            }
            JsonData reader = new JsonData(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Object value = reader.value();
            reader.space();
            if (reader.at != reader.text.length()) {
                throw reader.error("trailing content");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        return (List<Object>) value;
    }

    static double number(Object value) {
        return (Double) value;
    }

    private Object value() {
        space();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return objectValue();
        }
        if (c == '[') {
            return arrayValue();
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("true", at) || text.startsWith("false", at) || text.startsWith("null", at)) {
            throw error("booleans and null are not used in clinical reference data");
        }
        return numberValue();
    }

    private Map<String, Object> objectValue() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            map.put(key, value());
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> arrayValue() {
        List<Object> list = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value());
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (peek() != '"') {
            char c = text.charAt(at++);
            if (c == '\\') {
                char escaped = text.charAt(at++);
                out.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '"', '\\', '/' -> escaped;
                    default -> throw error("unsupported escape");
                });
            } else {
                out.append(c);
            }
        }
        at++;
        return out.toString();
    }

    private Double numberValue() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw error("expected a value");
        }
        return Double.valueOf(text.substring(start, at));
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException("clinical reference data: " + what + " at character " + at);
    }
}
