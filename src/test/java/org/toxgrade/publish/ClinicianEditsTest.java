package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as a clinician's decision on the EHR's current resource. */
class ClinicianEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "Condition verificationStatus {0}: kept = {1}")
    @CsvSource({"provisional,false", "confirmed,true", "refuted,true", "entered-in-error,true", "differential,true",
            "unconfirmed,true", "'',false"})
    void aConditionIsKeptWhenAPersonSetItsVerificationStatus(String code, boolean kept) throws Exception {
        JsonNode condition = JSON
                .readTree("{\"resourceType\":\"Condition\",\"verificationStatus\":{\"coding\":[{\"system\":"
                        + "\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"" + code
                        + "\"}]}}");
        assertEquals(kept, ClinicianEdits.decisionIn("Condition", condition, Optional.of("1")).isPresent());
    }

    @ParameterizedTest(name = "Flag {0} at version {1}, service wrote {2}: kept = {3}")
    @CsvSource({"active,2,1,false", "inactive,2,1,true", "entered-in-error,2,1,true", "inactive,1,1,false",
            "inactive,1,,true", "active,1,,false"})
    void aFlagIsKeptWhenAPersonInactivatedIt(String status, String version, String written, boolean kept)
            throws Exception {
        JsonNode flag = JSON
                .readTree("{\"resourceType\":\"Flag\",\"status\":\"" + status + "\",\"meta\":{\"versionId\":\""
                        + version + "\"}}");
        assertEquals(kept, ClinicianEdits.decisionIn("Flag", flag, Optional.ofNullable(written)).isPresent());
    }
}
