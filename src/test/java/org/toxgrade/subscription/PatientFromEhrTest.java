package org.toxgrade.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions send Observations and MedicationAdministrations, never the Patient; the birth date
 * decides adult or paediatric grading, so the first record of a patient brings its Patient from the EHR.
 */
@QuarkusTest
@TestProfile(SubscriptionProfile.class)
class PatientFromEhrTest {

    private static final Map<String, ObjectNode> SEED = Ehr.seed("sub-pt-");

    private static ObjectNode versioned(ObjectNode resource) {
        ObjectNode copy = resource.deepCopy();
        copy.putObject("meta").put("versionId", "1").put("lastUpdated", "2026-11-21T08:00:00Z");
        return copy;
    }

    @Test
    void theFirstRecordOfAPatientBringsItsPatientAndBirthDate() {
        Ehr.put(versioned(SEED.get("sub-pt-case")));
        Ehr.notifier().contentType("application/fhir+json")
                .body(versioned(SEED.get("sub-pt-temp-d0-evening")).toString())
                .when().put("/notify/ehr/Observation/sub-pt-temp-d0-evening").then().statusCode(200);
        Ehr.stored("Observation", "sub-pt-temp-d0-evening");
        assertEquals("1995-06-15", Ehr.stored("Patient", "sub-pt-case").getString("birthDate"));
    }

    @Test
    void aPatientTheEhrDoesNotHaveDoesNotStopTheRecord() {
        ObjectNode orphan = versioned(SEED.get("sub-pt-ice-d0-evening"));
        orphan.putObject("subject").put("reference", "Patient/sub-pt-unknown");
        Ehr.notifier().contentType("application/fhir+json").body(orphan.toString())
                .when().put("/notify/ehr/Observation/sub-pt-ice-d0-evening").then().statusCode(200);
        Ehr.stored("Observation", "sub-pt-ice-d0-evening");
        assertEquals(404, Ehr.storedStatus("Patient", "sub-pt-unknown"));
    }
}
