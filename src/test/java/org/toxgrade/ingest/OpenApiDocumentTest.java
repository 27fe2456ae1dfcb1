package org.toxgrade.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.toxgrade.conformance.OpenApiOperations;
import org.toxgrade.episode.CourseChart;

/**
 * The OpenAPI document is typed: each operation listed once, every FHIR operation with the statuses it
 * answers and the schemas of its bodies, every reference resolving, the bearer scheme on all but the
 * open operations.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonNode document;

    @BeforeEach
    void readOnce() throws Exception {
        if (document != null) {
            return;
        }
        String json = as("toxgrade/operator").queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    private static List<String> operations() {
        List<String> keys = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> keys.add(op.getKey().toUpperCase() + " " + path.getKey())));
        return keys;
    }

    @Test
    void gradeAndImportAreListedOnceUnderTheirFhirNames() {
        List<String> dollar = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(p -> {
            if (p.contains("grade") || p.contains("import")) {
                dollar.add(p);
            }
        });
        assertEquals(List.of("/fhir/$grade", "/fhir/$import", "/fhir/$import-status/{id}"),
                dollar.stream().sorted().toList());
    }

    @Test
    void everyFhirOperationIsTypedByTheTableAndTheTableNamesNothingElse() {
        Set<String> fhir = new TreeSet<>();
        for (String key : operations()) {
            // Operator endpoints keep their generated schemas; /test/ endpoints exist in the test sources only.
            if (!key.contains(" /ops/") && !key.contains(" /test/")) {
                fhir.add(key);
            }
        }
        Set<String> tabled = new TreeSet<>(OpenApiOperations.ALL.keySet());
        tabled.addAll(OpenApiOperations.OTHER.keySet());
        assertEquals(tabled, fhir);
        for (String key : OpenApiOperations.ALL.keySet()) {
            String[] parts = key.split(" ", 2);
            JsonNode responses = document.path("paths").path(parts[1]).path(parts[0].toLowerCase())
                    .path("responses");
            Set<String> statuses = new TreeSet<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            Set<String> expected = new TreeSet<>();
            OpenApiOperations.ALL.get(key).forEach(a -> expected.add(Integer.toString(a.status())));
            assertEquals(expected, statuses, key);
            responses.properties().forEach(r -> r.getValue().path("content").properties()
                    .forEach(media -> assertTrue(media.getValue().path("schema").has("$ref"),
                            key + " " + r.getKey() + " " + media.getKey() + " has an untyped body")));
        }
    }

    @Test
    void everyReferenceResolvesToAComponent() {
        List<String> refs = new ArrayList<>();
        collect(document, refs);
        assertTrue(refs.size() > 50, "refs: " + refs.size());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/components/"), ref);
            JsonNode target = document.at(ref.substring(1));
            assertTrue(!target.isMissingNode(), "unresolved " + ref);
        }
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, refs));
        }
    }

    @Test
    void theBearerSchemeCoversAllButTheOpenOperations() {
        assertEquals("bearer", document.at("/components/securitySchemes/bearer/scheme").asText());
        assertEquals("bearer", document.at("/security/0").fieldNames().next());
        JsonNode metadata = document.at("/paths/~1fhir~1metadata/get/security");
        assertTrue(metadata.isArray() && metadata.isEmpty(), metadata.toString());
        assertTrue(document.at("/paths/~1fhir~1Condition/get/security").isMissingNode());
    }

    @Test
    void fhirWritesDescribeTheirBodyAndRefusalsAnOperationOutcome() {
        assertEquals("#/components/schemas/Bundle",
                document.at("/paths/~1fhir/post/requestBody/content/application~1fhir+json/schema/$ref").asText());
        assertEquals("#/components/schemas/OperationOutcome", document
                .at("/paths/~1fhir~1{type}~1{id}/put/responses/412/content/application~1fhir+json/schema/$ref")
                .asText());
        assertEquals("#/components/schemas/Condition", document
                .at("/paths/~1fhir~1Condition~1{id}/get/responses/200/content/application~1json/schema/$ref")
                .asText());
    }

    @Test
    void theTimelineSchemaNamesEveryElementTheTimelineHas() {
        JsonNode day = document.at("/components/schemas/Timeline/properties/episodes/items/properties/days/items");
        assertNames(CourseChart.Day.class, day.path("properties"));
        assertNames(CourseChart.Drug.class, day.at("/properties/drugs/items/properties"));
        assertNames(CourseChart.SyndromeDay.class, day.at("/properties/grades/additionalProperties/properties"));
        JsonNode episode = document.at("/components/schemas/Timeline/properties/episodes/items/properties");
        assertNames(CourseChart.Taper.class, episode.at("/tapers/items/properties"));
        assertNames(CourseChart.SpellMark.class, episode.at("/spells/items/properties"));
        for (RecordComponent component : CourseChart.class.getRecordComponents()) {
            assertTrue(episode.has(component.getName()), component.getName());
        }
    }

    private static void assertNames(Class<?> record, JsonNode properties) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        Set<String> documented = new TreeSet<>();
        properties.fieldNames().forEachRemaining(documented::add);
        assertEquals(names, documented, record.getSimpleName());
    }
}
