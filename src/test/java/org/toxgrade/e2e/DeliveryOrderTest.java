package org.toxgrade.e2e;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toxgrade.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;
import org.toxgrade.support.SeedCases;

/**
 * The polyradiculopathy report sent with its day-27 records late. Without them the day-157 EMG
 * looks like a third peripheral occurrence; with them it belongs to the second. A result nobody
 * outside the service received leaves no trace, so the end state equals the in-order delivery; one
 * the EHR already has is withdrawn in view, saying why (issue: a result must not depend on the
 * delivery order, and nothing may claim a record was corrected when none was).
 */
@QuarkusTest
class DeliveryOrderTest {

    private static final int DAY_27 = 4;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLateRecordThatMergesTwoOccurrencesLeavesNoTraceWhenNothingWasSent() {
        List<String> inOrder = SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-", "ordera-");
        SeedCases.post(inOrder);

        List<String> late = SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-", "orderb-");
        assertTrue(late.get(DAY_27).contains("orderb-weakness-d27"), "the day-27 Bundle");
        SeedCases.post(withoutDay27(late));
        Map<String, JsonNode> before = Results.stored("orderb-case");
        assertTrue(before.keySet().stream().anyMatch(id -> id.endsWith("-peripheral-neurotoxicity-3")),
                "without day 27 the day-157 EMG is a third occurrence: " + before.keySet());

        SeedCases.post(List.of(late.get(DAY_27)));

        Map<String, JsonNode> after = Results.stored("orderb-case");
        assertEquals(Results.clinicalContent(Results.stored("ordera-case"), key("ordera-case"), "ordera-", "X-"),
                Results.clinicalContent(after, key("orderb-case"), "orderb-", "X-"));
        String third = third(before);
        as(Results.READER).when().get("/fhir/" + third).then().statusCode(404);
    }

    @Test
    void aMergedOccurrenceTheEhrAlreadyHasIsWithdrawnSayingWhy() throws SQLException {
        List<String> late = SeedCases.renamed(SeedCases.days("polyradiculopathy"), "polyrad-", "orderc-");
        SeedCases.post(withoutDay27(late));
        String third = third(Results.stored("orderc-case"));
        markDelivered("Patient/orderc-case");

        SeedCases.post(List.of(late.get(DAY_27)));

        as(Results.READER).when().get("/fhir/" + third).then().statusCode(200)
                .body("status", equalTo("inactive"))
                .body("code.text", containsString("records received later tell another story"));
    }

    private static List<String> withoutDay27(List<String> days) {
        List<String> out = new ArrayList<>(days);
        out.remove(DAY_27);
        return out;
    }

    private static String third(Map<String, JsonNode> results) {
        return results.keySet().stream().filter(id -> id.endsWith("-peripheral-neurotoxicity-3")).findFirst()
                .orElseThrow();
    }

    /** The episode key, read from the patient's CRS or ICANS Condition id. */
    private static String key(String patient) {
        String id = Results.stored(patient).keySet().iterator().next().split("/")[1];
        return id.substring(0, 19);
    }

    /** As if the dispatcher had written the patient's results to the EHR. */
    private void markDelivered(String patient) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update outbox set state = 'sent', sent_at = now()"
                        + " where patient_ref = ? and state = 'pending'")) {
            s.setString(1, patient);
            assertTrue(s.executeUpdate() > 0, "the results were waiting in the outbox");
        }
    }
}
