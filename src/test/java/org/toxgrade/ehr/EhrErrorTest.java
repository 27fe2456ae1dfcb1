package org.toxgrade.ehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code of calling the EHR is defined once and formats as it is raised. */
class EhrErrorTest {

    @Test
    void eachCodeIsDefinedOnceInItsSeries() {
        Set<String> codes = new HashSet<>();
        for (EhrError error : EhrError.values()) {
            assertTrue(error.code().matches("TG-EHR-0\\d{2}"), error.code());
            assertTrue(codes.add(error.code()), error.code() + " is defined twice");
        }
    }

    @Test
    void answeredCodesCarryStatusAndIssueTypeOthersNeither() {
        for (EhrError error : EhrError.values()) {
            if (error.status() == 0) {
                assertNull(error.issueType(), error.code());
            } else {
                assertTrue(error.status() >= 200 && error.status() < 600, error.code());
                assertNotNull(error.issueType(), error.code());
            }
        }
    }

    @Test
    void messagesStartWithTheCode() {
        assertEquals("TG-EHR-010: no answer from https://ehr.example:8443 (ConnectException)",
                EhrError.NO_ANSWER.message("https://ehr.example:8443", "ConnectException"));
    }
}
