package org.toxgrade.conformance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toxgrade.support.Api.as;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.toxgrade.fhir.validation.ProfileValidatorFactory;

/**
 * GET /fhir/metadata is the truth: it validates against R4, every interaction, search parameter and
 * operation it declares answers, and every interaction that answers is declared.
 */
@QuarkusTest
class CapabilityStatementTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final String EVERY_SCOPE = "system/*.cruds toxgrade/grade toxgrade/operator";
    /** Codes that say "this server does not do that", as opposed to an answer about the resource asked for. */
    private static final Set<String> NOT_OFFERED = Set.of("TG-HTTP-404", "TG-HTTP-405", "TG-READ-001",
            "TG-INGEST-002", "TG-INGEST-007");

    private static CapabilityStatement statement() {
        String json = given().accept("application/fhir+json").when().get("/fhir/metadata").then().statusCode(200)
                .extract().asString();
        return R4.newJsonParser().parseResource(CapabilityStatement.class, json);
    }

    @Test
    void metadataDescribesAnR4JsonServerOfTheWrittenTypesResultsAuditAndGrade() {
        given().accept("application/fhir+json")
                .when().get("/fhir/metadata")
                .then().statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("format", hasItems("application/fhir+json"))
                .body("implementationGuide", hasItem("http://toxgrade.org/fhir/ImplementationGuide/org.toxgrade.fhir"))
                .body("rest[0].interaction.code", containsInAnyOrder("transaction", "batch"))
                .body("rest[0].resource.type", containsInAnyOrder("Observation", "MedicationAdministration",
                        "Procedure", "Patient", "Condition", "Flag", "AuditEvent"))
                .body("rest[0].resource.find { it.type == 'Condition' }.interaction.code",
                        containsInAnyOrder("read", "search-type"))
                .body("rest[0].resource.find { it.type == 'Condition' }.searchParam.name",
                        hasItems("patient", "subject", "code", "_id", "identifier", "category", "onset-date", "_count"))
                .body("rest[0].resource.find { it.type == 'AuditEvent' }.searchParam.name",
                        containsInAnyOrder("_since", "agent", "_count"))
                .body("rest[0].operation.find { it.name == 'grade' }.definition",
                        equalTo("http://toxgrade.org/fhir/OperationDefinition/grade"))
                .body("rest[0].security.service[0].coding[0].code", equalTo("SMART-on-FHIR"))
                .body("rest[0].resource.find { it.type == 'Observation' }.interaction.code",
                        containsInAnyOrder("create", "update", "read", "vread"))
                .body("rest[0].resource.find { it.type == 'Observation' }.conditionalCreate", equalTo(true))
                .body("rest[0].resource.find { it.type == 'Observation' }.conditionalRead", equalTo("not-match"))
                .body("rest[0].resource.find { it.type == 'Condition' }.supportedProfile", containsInAnyOrder(
                        "http://toxgrade.org/fhir/StructureDefinition/toxgrade-crs-condition",
                        "http://toxgrade.org/fhir/StructureDefinition/toxgrade-icans-condition",
                        "http://toxgrade.org/fhir/StructureDefinition/toxgrade-icaht-condition"))
                .body("rest[0].resource.find { it.type == 'Flag' }.supportedProfile",
                        containsInAnyOrder("http://toxgrade.org/fhir/StructureDefinition/toxgrade-neurotoxicity-flag"))
                .body("rest[0].resource.find { it.type == 'Observation' }.supportedProfile", equalTo(null));
    }

    @Test
    void metadataValidatesAgainstR4AndThePackage() {
        ValidationResult result = ProfileValidatorFactory.create(R4).validateWithResult(statement());
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList();
        assertEquals(List.of(), errors);
    }

    @Test
    void everyInteractionThatAnswersIsDeclaredAndEveryDeclaredOneAnswers() {
        Set<String> declared = new TreeSet<>();
        for (var resource : statement().getRestFirstRep().getResource()) {
            resource.getInteraction().forEach(i -> declared.add(resource.getType() + " " + i.getCode().toCode()));
        }
        Set<String> answering = new TreeSet<>();
        for (String type : R4.getResourceTypes()) {
            for (String interaction : List.of("read", "vread", "update", "create", "delete", "search-type",
                    "history-instance", "history-type")) {
                if (answers(probe(type, interaction))) {
                    answering.add(type + " " + interaction);
                }
            }
        }
        assertEquals(declared, answering);
    }

    @Test
    void everyDeclaredSearchParameterAndOperationIsTaken() {
        List<String> refused = new ArrayList<>();
        CapabilityStatement statement = statement();
        for (var resource : statement.getRestFirstRep().getResource()) {
            for (var param : resource.getSearchParam()) {
                Response answer = as(EVERY_SCOPE).queryParam(param.getName(), sample(param.getName()))
                        .when().get("/fhir/" + resource.getType());
                String code = code(answer);
                if (code.equals("TG-SEARCH-002") || code.equals("TG-AUDIT-002") || NOT_OFFERED.contains(code)) {
                    refused.add(resource.getType() + "?" + param.getName() + ": " + code);
                }
            }
        }
        for (var operation : statement.getRestFirstRep().getOperation()) {
            Response answer = as(EVERY_SCOPE).contentType("application/fhir+json").body("{}")
                    .when().post("/fhir/$" + operation.getName());
            if (NOT_OFFERED.contains(code(answer))) {
                refused.add("$" + operation.getName());
            }
        }
        for (var interaction : statement.getRestFirstRep().getInteraction()) {
            String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"" + interaction.getCode().toCode()
                    + "\",\"entry\":[]}";
            as(EVERY_SCOPE).contentType("application/fhir+json").body(bundle).when().post("/fhir")
                    .then().statusCode(200);
        }
        assertEquals(List.of(), refused);
    }

    private static Response probe(String type, String interaction) {
        var request = as(EVERY_SCOPE).contentType("application/fhir+json");
        String body = "{\"resourceType\":\"" + type + "\",\"id\":\"probe-id\"}";
        return switch (interaction) {
            case "read" -> request.when().get("/fhir/" + type + "/probe-id");
            case "vread" -> request.when().get("/fhir/" + type + "/probe-id/_history/1");
            case "update" -> request.body(body).when().put("/fhir/" + type + "/probe-id");
            case "create" -> request.body(body).when().post("/fhir/" + type);
            case "delete" -> request.when().delete("/fhir/" + type + "/probe-id");
            case "search-type" -> request.when().get("/fhir/" + type);
            case "history-instance" -> request.when().get("/fhir/" + type + "/probe-id/_history");
            case "history-type" -> request.when().get("/fhir/" + type + "/_history");
            default -> throw new IllegalArgumentException(interaction);
        };
    }

    /** An answer about the resource (found, not found, refused content) rather than "not offered here". */
    private static boolean answers(Response response) {
        return response.statusCode() < 300 || !NOT_OFFERED.contains(code(response));
    }

    private static String code(Response response) {
        if (response.statusCode() < 300) {
            return "";
        }
        String code = response.jsonPath().getString("issue[0].details.coding[0].code");
        return code == null ? "" : code;
    }

    private static String sample(String name) {
        return switch (name) {
            case "_id" -> "probe-id";
            case "patient" -> "probe-patient";
            case "subject" -> "Patient/probe-patient";
            case "_count" -> "1";
            case "_sort" -> "_lastUpdated";
            case "_summary" -> "count";
            case "_total" -> "none";
            case "_elements" -> "id";
            case "_format" -> "json";
            case "_pretty" -> "true";
            case "_page" -> "probe";
            case "_since" -> "2025-01-01T00:00:00Z";
            case "_lastUpdated", "onset-date", "date" -> "ge2025-01-01";
            default -> "probe";
        };
    }
}
