package org.toxgrade.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every code of receiving from the EHRs is defined once and formats as it is sent. */
class SubscriptionErrorTest {

    @Test
    void eachCodeIsDefinedOnceInItsSeries() {
        Set<String> codes = new HashSet<>();
        for (SubscriptionError error : SubscriptionError.values()) {
            assertTrue(error.code().matches("TG-SUB-\\d{3}"), error.code());
            assertTrue(codes.add(error.code()), error.code() + " is defined twice");
        }
    }

    @Test
    void answeredCodesCarryStatusAndIssueTypeOthersNeither() {
        for (SubscriptionError error : SubscriptionError.values()) {
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
        assertEquals("TG-SUB-012: creating the Subscription answered 409",
                SubscriptionError.SUBSCRIPTION_CREATE_REFUSED.message(409));
        assertEquals("TG-SUB-045: source ehr has no channel secret (toxgrade.subscription.sources.ehr.secret): only "
                + "bearer tokens open its notification endpoint and no Subscription is registered",
                SubscriptionError.SOURCE_WITHOUT_SECRET.message("ehr"));
        assertEquals(401, SubscriptionError.NOTIFICATION_NOT_AUTHENTICATED.refuse("ehr").status());
    }
}
