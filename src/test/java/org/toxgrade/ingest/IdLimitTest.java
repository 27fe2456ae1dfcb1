package org.toxgrade.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;
import static org.toxgrade.support.Api.asEhr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Fixtures;

/**
 * Every id the service takes, in a URL, a subject reference or {@code meta.versionId}, is a FHIR id
 * (1 to 64 of {@code A-Z a-z 0-9 - .}), refused otherwise with {@code TG-INGEST-007} at ingest:
 * below every column it ends up in ({@code Patient/} plus 64 is 72 characters, the narrowest
 * patient column, the outbox's, holds 128), so nothing accepted fails later.
 */
@QuarkusTest
class IdLimitTest {

    private static final String FHIR_JSON = "application/fhir+json";
    private static final String OPERATOR = "toxgrade/operator";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubjectReferenceOver200CharactersIsRefusedAtTheReference() {
        refusedAtSubject("hostile-subject-250", "observation-subject-reference-250-chars.json");
        noFactsOf("p".repeat(242));
    }

    @Test
    void aPatientReferenceTooLongForTheOutboxIsRefusedAtIngestInsteadOfFailingEveryDerivation() {
        refusedAtSubject("hostile-subject-150", "observation-subject-reference-150-chars.json");
        noFactsOf("q".repeat(142));
    }

    @Test
    void aSubjectIdOneCharacterOverTheFhirIdLimitIsRefused() {
        refusedAtSubject("hostile-subject-65", "observation-subject-id-65-chars.json");
    }

    @Test
    void aSubjectIdAtTheFhirIdLimitIsAccepted() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/hostile/observation-subject-id-64-chars.json"))
                .when().put("/fhir/Observation/hostile-subject-64")
                .then().statusCode(201);
        as(OPERATOR).when().get("/ops/patients/" + "s".repeat(64) + "/facts").then().statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void aNulInASubjectReferenceIsRefused() {
        refusedAtSubject("hostile-subject-nul", "observation-subject-nul.json");
    }

    @Test
    void aSenderVersionIdLongerThanAFhirIdIsRefused() {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/hostile/observation-version-id-65-chars.json"))
                .when().put("/fhir/Observation/hostile-version-65")
                .then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-007"))
                .body("issue[0].expression[0]", equalTo("Observation.meta.versionId"));
        asEhr().when().get("/fhir/Observation/hostile-version-65").then().statusCode(404);
    }

    @Test
    void subjectsThatDifferOnlyInALoneSurrogateAreRefusedNotMergedIntoOnePatient() {
        for (String[] sent : new String[][]{{"hostile-surrogate-high", "observation-subject-lone-high-surrogate.json"},
                {"hostile-surrogate-low", "observation-subject-lone-low-surrogate.json"}}) {
            asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/hostile/" + sent[1]))
                    .when().put("/fhir/Observation/" + sent[0])
                    .then().statusCode(400)
                    .body("issue[0].code", equalTo("invalid"))
                    .body("issue[0].diagnostics", startsWith("TG-INGEST-018"));
            asEhr().when().get("/fhir/Observation/" + sent[0]).then().statusCode(404);
        }
        // Stored, both would have become the one patient Patient/surrogate-? (PostgreSQL's UTF-8).
        noFactsOf("surrogate-?");
    }

    @Test
    void inABatchTheEntryWithTheTooLongReferenceIsRefusedAndLocatedAndTheOthersStored() throws Exception {
        ObjectNode bad = (ObjectNode) JSON
                .readTree(Fixtures.read("ingest/hostile/observation-subject-reference-250-chars.json"));
        bad.put("id", "hostile-batch-long");
        ObjectNode good = (ObjectNode) JSON
                .readTree(Fixtures.read("ingest/hostile/observation-subject-id-64-chars.json"));
        good.put("id", "hostile-batch-good");
        good.putObject("subject").put("reference", "Patient/hostile-batch-patient");
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "batch");
        bundle.putArray("entry").add(entry(good)).add(entry(bad));
        asEhr().contentType(FHIR_JSON).body(bundle.toString()).when().post("/fhir")
                .then().statusCode(200)
                .body("entry[0].response.status", equalTo("201 Created"))
                .body("entry[1].response.status", startsWith("400"))
                .body("entry[1].response.outcome.issue[0].diagnostics", startsWith("TG-INGEST-007"))
                .body("entry[1].response.outcome.issue[0].expression[0]",
                        equalTo("Bundle.entry[1].resource.subject.reference"));
        asEhr().when().get("/fhir/Observation/hostile-batch-good").then().statusCode(200);
        asEhr().when().get("/fhir/Observation/hostile-batch-long").then().statusCode(404);
    }

    @Test
    void gradeRefusesTheSameReference() throws Exception {
        ObjectNode bad = (ObjectNode) JSON
                .readTree(Fixtures.read("ingest/hostile/observation-subject-reference-250-chars.json"));
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        bundle.putArray("entry").addObject().set("resource", bad);
        as("toxgrade/grade").urlEncodingEnabled(false).contentType(FHIR_JSON).body(bundle.toString())
                .when().post("/fhir/$grade")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-007"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.subject.reference"));
    }

    @Test
    void gradeRefusesAnEntryIdThatIsNotAFhirId() throws Exception {
        ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient").put("id", "x".repeat(65));
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        bundle.putArray("entry").addObject().set("resource", patient);
        as("toxgrade/grade").urlEncodingEnabled(false).contentType(FHIR_JSON).body(bundle.toString())
                .when().post("/fhir/$grade")
                .then().statusCode(400)
                .body("issue[0].diagnostics", startsWith("TG-INGEST-007"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.id"));
    }

    private static ObjectNode entry(ObjectNode resource) {
        ObjectNode entry = JSON.createObjectNode();
        entry.set("resource", resource);
        entry.putObject("request").put("method", "PUT").put("url", "Observation/" + resource.get("id").asText());
        return entry;
    }

    private static void refusedAtSubject(String id, String fixture) {
        asEhr().contentType(FHIR_JSON).body(Fixtures.read("ingest/hostile/" + fixture))
                .when().put("/fhir/Observation/" + id)
                .then().statusCode(400)
                .contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].diagnostics", startsWith("TG-INGEST-007"))
                .body("issue[0].expression[0]", equalTo("Observation.subject.reference"));
        asEhr().when().get("/fhir/Observation/" + id).then().statusCode(404);
    }

    /** The service holds no facts of this patient (the operator endpoint takes the id unchecked). */
    private static void noFactsOf(String patientId) {
        as(OPERATOR).when().get("/ops/patients/{id}/facts", patientId).then().statusCode(200).body("$", hasSize(0));
    }
}
