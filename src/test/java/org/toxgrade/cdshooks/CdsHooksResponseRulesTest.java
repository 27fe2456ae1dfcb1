package org.toxgrade.cdshooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toxgrade.support.CdsHooksResponseRules;

/** The response-rule check the hook tests rely on finds what breaks the CDS Hooks 2.0 rules. */
class CdsHooksResponseRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD = """
            {"summary":"s","indicator":"info","source":{"label":"l"},
             "links":[{"label":"Chart","url":"https://x.example/app","type":"smart"}]}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a valid card|" + "{}|",
            "no summary|{\"summary\":null}|summary is required",
            "a summary of 140 characters|{\"summary\":\"LONG\"}|must be under 140",
            "an unknown indicator|{\"indicator\":\"hard-stop\"}|indicator must be",
            "a source without label|{\"source\":{\"url\":\"https://x.example\"}}|source.label is required",
            "a relative link|{\"links\":[{\"label\":\"a\",\"url\":\"/app\",\"type\":\"smart\"}]}|url must be an absolute URL",
            "a link of another type|{\"links\":[{\"label\":\"a\",\"url\":\"https://x.example\",\"type\":\"web\"}]}|type must be",
            "suggestions without selectionBehavior|{\"suggestions\":[]}|selectionBehavior is required",
            "an attribute the spec does not define|{\"severity\":\"high\"}|does not define: severity"})
    void findsWhatBreaksTheRules(String name, String change, String expected) throws Exception {
        JsonNode card = JSON.readTree(GOOD);
        JsonNode edits = JSON.readTree(change.replace("LONG", "x".repeat(140)));
        edits.fields().forEachRemaining(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) card).set(e.getKey(),
                e.getValue()));
        JsonNode response = JSON.createObjectNode().set("cards", JSON.createArrayNode().add(card));
        List<String> violations = CdsHooksResponseRules.violations(response);
        if (expected == null) {
            assertEquals(List.of(), violations);
        } else {
            assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), violations.toString());
        }
    }
}
