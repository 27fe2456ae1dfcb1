package org.toxgrade.support;

import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Derived Conditions and Flags read back through the API, normalised for comparison. */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String READER = "system/Condition.rs system/Flag.rs";

    private Results() {
    }

    /** Conditions and Flags of a patient from the read API, by id. */
    public static Map<String, JsonNode> stored(String patient) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (String type : new String[]{"Condition", "Flag"}) {
            String body = as(READER).queryParam("patient", patient).queryParam("_count", 500)
                    .when().get("/fhir/" + type).then().statusCode(200).extract().asString();
            read(body).path("entry").forEach(e -> byId.put(type + "/" + e.path("resource").path("id").asText(),
                    e.path("resource")));
        }
        return byId;
    }

    /** Conditions and Flags in a {@code $grade} answer, by id. */
    public static Map<String, JsonNode> graded(String collection) {
        Map<String, JsonNode> byId = new TreeMap<>();
        read(collection).path("entry").forEach(e -> {
            String type = e.path("resource").path("resourceType").asText();
            if (type.equals("Condition") || type.equals("Flag")) {
                byId.put(type + "/" + e.path("resource").path("id").asText(), e.path("resource"));
            }
        });
        return byId;
    }

    /**
     * What a result says clinically, without what differs by delivery: meta (versions, times), the
     * date first recorded, and (with {@code episodeKey}) the episode key, which derives from the
     * patient's id.
     */
    public static Map<String, String> clinicalContent(Map<String, JsonNode> results, String episodeKey) {
        return clinicalContent(results, episodeKey, null, null);
    }

    /** As above, with the ids of a renamed copy of a case ({@code fromPrefix}) mapped back ({@code toPrefix}). */
    public static Map<String, String> clinicalContent(Map<String, JsonNode> results, String episodeKey,
            String fromPrefix, String toPrefix) {
        Map<String, String> content = new TreeMap<>();
        results.forEach((id, resource) -> {
            ObjectNode copy = resource.deepCopy();
            copy.remove("meta");
            copy.remove("recordedDate");
            String text = copy.toString().replace(episodeKey, "EPISODE");
            if (fromPrefix != null) {
                text = text.replace("\"" + fromPrefix, "\"" + toPrefix).replace("/" + fromPrefix, "/" + toPrefix);
            }
            content.put(id.replace(episodeKey, "EPISODE"), text);
        });
        return content;
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
