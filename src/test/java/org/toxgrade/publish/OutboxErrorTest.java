package org.toxgrade.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code of write-back is defined once and formats as it is stored or answered. */
class OutboxErrorTest {

    @Test
    void eachCodeIsDefinedOnceInItsSeries() {
        Set<String> codes = new HashSet<>();
        for (OutboxError error : OutboxError.values()) {
            assertTrue(error.code().matches("TG-(OUTBOX-0\\d{2}|EHR-0\\d{2})"), error.code());
            assertTrue(codes.add(error.code()), error.code() + " is defined twice");
        }
    }

    @Test
    void theEhrCodesOfDeliveryAreNotTheEhrClientsCodes() {
        for (org.toxgrade.ehr.EhrError client : org.toxgrade.ehr.EhrError.values()) {
            for (OutboxError error : OutboxError.values()) {
                assertTrue(!error.code().equals(client.code()), error.code() + " is also an EhrError");
            }
        }
    }

    @Test
    void answeredCodesCarryStatusAndIssueTypeOthersNeither() {
        for (OutboxError error : OutboxError.values()) {
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
        assertEquals("TG-EHR-023: the transaction answered 400 (issue codes: invalid)",
                OutboxError.TRANSACTION_REFUSED.message(400, "invalid"));
        assertEquals(404, OutboxError.NO_ROW.refuse(7L).status());
    }
}
