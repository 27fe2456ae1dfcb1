package org.toxgrade.subscription;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the shapes of notifications and references are told apart, without a running service. */
class NotificationShapesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "Observation/obs-1,Observation,obs-1",
            "http://ehr.example/fhir/Observation/obs-1,Observation,obs-1",
            "http://ehr.example/fhir/MedicationAdministration/ma.2/_history/3,MedicationAdministration,ma.2",
            "urn:uuid:1a2b,-,-",
            "#contained,-,-",
            "obs-1,-,-",
            "http://ehr.example/fhir/observation/obs-1,-,-"})
    void referencesNameATypeAndAnId(String reference, String type, String id) {
        String[] parsed = NotificationHandler.typeAndId(reference);
        if (type == null) {
            assertNull(parsed);
        } else {
            assertArrayEquals(new String[]{type, id}, parsed);
        }
    }

    @Test
    void aResourceWithOnlyItsIdIsIdOnly() {
        assertTrue(NotificationHandler.isIdOnly(Ehr.read("{\"resourceType\":\"Observation\",\"id\":\"1\"}")));
        assertTrue(NotificationHandler.isIdOnly(Ehr.read(
                "{\"resourceType\":\"Observation\",\"id\":\"1\",\"meta\":{\"versionId\":\"4\"}}")));
        assertFalse(NotificationHandler.isIdOnly(Ehr.read(
                "{\"resourceType\":\"Observation\",\"id\":\"1\",\"status\":\"final\"}")));
    }

    @Test
    void aTopicNotificationStartsWithItsStatus() {
        String heartbeat = Ehr.fixture("backport-heartbeat.json",
                Map.of("subscription", "Subscription/1", "events", "2"));
        assertTrue(NotificationHandler.isTopicNotification(Ehr.read(heartbeat)));
        assertFalse(NotificationHandler.isTopicNotification(Ehr.read(
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\"}}]}")));
    }

    @Test
    void subscriptionIdsAreStablePerSourceAndCriteriaAndValidFhirIds() {
        EhrSource ehr = source("ehr");
        String a = SubscriptionRegistrar.idFor(ehr, "Observation?category=laboratory");
        assertEquals(a, SubscriptionRegistrar.idFor(ehr, "Observation?category=laboratory"));
        assertTrue(a.startsWith("toxgrade-ehr-observation-"), a);
        assertFalse(a.equals(SubscriptionRegistrar.idFor(ehr, "Observation?category=vital-signs")));
        assertFalse(a.equals(SubscriptionRegistrar.idFor(source("lab"), "Observation?category=laboratory")));
        String longest = SubscriptionRegistrar.idFor(source("a-source-name-of-thirty-one-ch"),
                "MedicationAdministration?status=completed");
        assertTrue(longest.matches("[A-Za-z0-9\\-.]{1,64}"), longest);
    }

    @Test
    void theSecretGoesInTheHeaderAsTheEhrSendsIt() {
        assertEquals(Optional.of("Bearer s"), source("ehr").expectedHeaderValue());
        EhrSource dedicated = new EhrSource("lab", "http://x/fhir", Optional.of("s"), "X-Channel-Secret",
                List.of("Observation?"), SubscriptionSettings.Payload.EMPTY, true, null);
        assertEquals(Optional.of("s"), dedicated.expectedHeaderValue());
        assertEquals("Observation", EhrSource.typeOf("Observation?category=laboratory"));
    }

    private static EhrSource source(String name) {
        return new EhrSource(name, "http://x/fhir", Optional.of("s"), "Authorization", List.of("Observation?"),
                SubscriptionSettings.Payload.FULL_RESOURCE, true, null);
    }
}
