package org.toxgrade.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.toxgrade.support.CdsClientKeys;
import org.toxgrade.support.CdsHooksResponseRules;
import org.toxgrade.support.SeedCases;

/**
 * The {@code patient-view} hook as an EHR's CDS client calls it (CDS Hooks 2.0): spec-shaped requests with
 * hookInstance, context.patientId, the Patient prefetch and fhirAuthorization, each signed with the client's
 * key, which the service finds in the JWKS the client publishes. The patients are the PRES case report moved
 * in time so that they are in monitoring now; every answer is checked against the response rules.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientViewHookTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate PRES_DAY0 = LocalDate.of(2026, 3, 2);
    private static final String SERVICE = "/cds-services/toxgrade-patient-view";
    private boolean sent;

    /** Sent once, from the first test (the HTTP port is known to REST Assured only once a test runs). */
    @BeforeEach
    void sendThePatientsOnce() throws IOException {
        if (sent) {
            return;
        }
        sent = true;
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        List<String> pres = SeedCases.days("pres");
        // Days 0-8 only, day 8 yesterday: CRS 3 (a vasopressor still running) and ICANS 3 (ICE 0) now.
        SeedCases.post(SeedCases.shifted(SeedCases.renamed(pres.subList(0, 6), "pres-", "cdsa-"),
                SeedCases.shiftPutting(PRES_DAY0, 8, yesterday)));
        // Days 0-16, day 16 yesterday: PRES suspected since day 15.
        SeedCases.post(SeedCases.shifted(SeedCases.renamed(pres.subList(0, 14), "pres-", "cdsb-"),
                SeedCases.shiftPutting(PRES_DAY0, 16, yesterday)));
        // Infused yesterday, afebrile, ICE 10: in monitoring, nothing found.
        String quiet = Files.readString(Path.of("src/test/resources/fixtures/cdshooks/quiet-day-000.json"));
        SeedCases.post(SeedCases.shifted(List.of(quiet), SeedCases.shiftPutting(PRES_DAY0, 0, yesterday)));
    }

    @Test
    void discoveryNamesThePatientViewServiceAndItsPatientPrefetchWithoutAToken() {
        given().when().get("/cds-services").then().statusCode(200)
                .body("services", hasSize(1))
                .body("services[0].hook", equalTo("patient-view"))
                .body("services[0].id", equalTo("toxgrade-patient-view"))
                .body("services[0].prefetch.patient", equalTo("Patient/{{context.patientId}}"))
                .body("services[0].description", containsString("Provisional"));
    }

    @Test
    void crs3AndIcans3AreCriticalCardsThatCiteTheirEvidenceAndLinkTheChart() {
        JsonNode cards = cards("cdsa-case");
        JsonNode crs = card(cards, "CRS grade 3");
        assertEquals("critical", crs.path("indicator").asText());
        // The second norepinephrine course is still running: CRS 3 today, day 9.
        assertTrue(crs.path("summary").asText().contains("day 9"), crs.toString());
        assertTrue(crs.path("summary").asText().contains("provisional"), crs.toString());
        assertTrue(crs.path("detail").asText().contains("**Provisional**"), crs.toString());
        // The evidence names the rule and the records: one vasopressor, the norepinephrine course.
        assertTrue(crs.path("detail").asText().contains("ASTCT\\-CRS\\-HYPOTENSION"), crs.toString());
        assertTrue(crs.path("detail").asText().contains("cdsa\\-norepinephrine"), crs.toString());
        JsonNode icans = card(cards, "ICANS grade 3");
        assertEquals("critical", icans.path("indicator").asText());
        assertTrue(icans.path("summary").asText().contains("day 8"), icans.toString());
        assertEquals("smart", icans.path("links").get(0).path("type").asText());
        assertTrue(icans.path("links").get(0).path("url").asText().endsWith("/app/launch.html"), icans.toString());
        assertEquals(PatientViewCards.SOURCE_LABEL, icans.path("source").path("label").asText());
    }

    @Test
    void presSuspectedIsACriticalCardOfItsFlag() {
        JsonNode cards = cards("cdsb-case");
        JsonNode pres = card(cards, "PRES suspected");
        assertEquals("critical", pres.path("indicator").asText());
        assertEquals("pres-suspected", pres.path("source").path("topic").path("code").asText());
        assertTrue(pres.path("detail").asText().contains("Active since"), pres.toString());
        // Flags come first, high priority first.
        assertEquals("critical", cards.get(0).path("indicator").asText(), cards.toString());
    }

    @Test
    void aPatientInMonitoringWithNoFindingGetsOneInfoCard() {
        JsonNode cards = cards("quiet-case");
        assertEquals(1, cards.size(), cards.toString());
        assertEquals("info", cards.get(0).path("indicator").asText());
        assertTrue(cards.get(0).path("summary").asText().contains("no CRS or ICANS finding"), cards.toString());
        assertTrue(cards.get(0).path("detail").asText().contains("CRS: grade 0"), cards.toString());
    }

    @Test
    void aPatientTheServiceDoesNotKnowGetsNoCards() {
        JsonNode cards = cards("never-seen");
        assertEquals(0, cards.size());
    }

    @Test
    void aCallWithoutAJwtIsRefused() {
        given().contentType("application/json").body(request("cdsa-case")).when().post(SERVICE)
                .then().statusCode(401).body("issue[0].diagnostics", containsString("TG-CDS-010"));
    }

    @Test
    void aJwtOfAnIssuerNotConfiguredIsRefused() {
        refused(CdsClientKeys.jwt(audience(), c -> c.setIssuer("https://elsewhere.example")), "TG-CDS-011");
    }

    @Test
    void aJwtForAnotherServiceIsRefused() {
        refused(CdsClientKeys.jwt(audience(), c -> c.setAudience("https://other.example/cds-services/x")),
                "TG-CDS-012");
    }

    @Test
    void anExpiredJwtIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        refused(CdsClientKeys.jwt(audience(), c -> {
            c.setIssuedAt(NumericDate.fromSeconds(now - 600));
            c.setExpirationTime(NumericDate.fromSeconds(now - 300));
        }), "TG-CDS-012");
    }

    @Test
    void aJwtLivingLongerThanFiveMinutesIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        refused(CdsClientKeys.jwt(audience(), c -> c.setExpirationTime(NumericDate.fromSeconds(now + 3600))),
                "TG-CDS-012");
    }

    @Test
    void aJwtWithoutJtiIsRefused() {
        refused(CdsClientKeys.jwt(audience(), c -> c.unsetClaim("jti")), "TG-CDS-012");
    }

    @Test
    void aJwtSignedWithAnAlgorithmOutsideTheSpecsIsRefused() {
        refused(CdsClientKeys.sign(CdsClientKeys.claims(audience(), c -> {
        }), CdsClientKeys.RSA_KID, AlgorithmIdentifiers.RSA_USING_SHA256), "TG-CDS-012");
    }

    @Test
    void anEs384JwtVerifiesLikeAnRs384One() {
        String jwt = CdsClientKeys.sign(CdsClientKeys.claims(audience(), c -> {
        }), CdsClientKeys.EC_KID, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        post(jwt, request("quiet-case")).statusCode(200).body("cards", hasSize(1));
    }

    @Test
    void aJwtIsAcceptedOnce() {
        String jwt = CdsClientKeys.jwt(audience());
        post(jwt, request("quiet-case")).statusCode(200);
        post(jwt, request("quiet-case")).statusCode(401).body("issue[0].diagnostics", containsString("TG-CDS-013"));
    }

    @Test
    void requestsThatAreNotPatientViewCallsAreRefusedWith400() {
        ObjectNode wrongHook = request("cdsa-case").put("hook", "order-sign");
        post(CdsClientKeys.jwt(audience()), wrongHook).statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-CDS-002"));
        ObjectNode noInstance = request("cdsa-case");
        noInstance.remove("hookInstance");
        post(CdsClientKeys.jwt(audience()), noInstance).statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-CDS-003"));
        ObjectNode badPatient = request("cdsa-case");
        ((ObjectNode) badPatient.path("context")).put("patientId", "not an id!");
        post(CdsClientKeys.jwt(audience()), badPatient).statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-CDS-004"));
        ObjectNode otherPrefetch = request("cdsa-case");
        ((ObjectNode) otherPrefetch.path("prefetch").path("patient")).put("id", "someone-else");
        post(CdsClientKeys.jwt(audience()), otherPrefetch).statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-CDS-006"));
        given().header("Authorization", "Bearer " + CdsClientKeys.jwt(audience())).contentType("application/json")
                .body("[not json").when().post(SERVICE).then().statusCode(400)
                .body("issue[0].diagnostics", containsString("TG-CDS-001"));
    }

    @Test
    void anUnknownServiceIs404() {
        given().contentType("application/json").body(request("cdsa-case")).when().post("/cds-services/nothing-here")
                .then().statusCode(404).body("issue[0].diagnostics", containsString("TG-CDS-005"));
    }

    // ---- helpers ----

    private JsonNode cards(String patient) {
        String body = post(CdsClientKeys.jwt(audience()), request(patient)).statusCode(200).extract().asString();
        try {
            JsonNode response = JSON.readTree(body);
            assertEquals(List.of(), CdsHooksResponseRules.violations(response), body);
            return response.path("cards");
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    private static JsonNode card(JsonNode cards, String summaryStart) {
        List<String> summaries = new ArrayList<>();
        for (JsonNode card : cards) {
            summaries.add(card.path("summary").asText());
            if (card.path("summary").asText().startsWith(summaryStart)) {
                return card;
            }
        }
        throw new AssertionError("no card '" + summaryStart + "...' in " + summaries);
    }

    private static ValidatableResponse post(String jwt, JsonNode request) {
        return given().header("Authorization", "Bearer " + jwt).contentType("application/json")
                .body(request.toString()).when().post(SERVICE).then();
    }

    private static void refused(String jwt, String code) {
        post(jwt, request("cdsa-case")).statusCode(401).body("issue[0].diagnostics", containsString(code));
    }

    /** The URL of the service called, as the client puts it in {@code aud}. */
    private static String audience() {
        return "http://localhost:" + RestAssured.port + SERVICE;
    }

    private static ObjectNode request(String patient) {
        try {
            String text = Files.readString(Path.of("src/test/resources/fixtures/cdshooks/patient-view-request.json"))
                    .replace("PATIENT_ID", patient);
            ObjectNode request = (ObjectNode) JSON.readTree(text);
            request.put("hookInstance", UUID.randomUUID().toString());
            return request;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
