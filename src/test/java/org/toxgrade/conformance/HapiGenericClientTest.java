package org.toxgrade.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.FeverPatients;
import org.toxgrade.support.Tokens;

/**
 * The service as an EHR integration engine sees it through HAPI FHIR's generic client: the
 * CapabilityStatement, a search paged to the end over 1,200 patients' Conditions, a read, conditional
 * create and update.
 */
@QuarkusTest
class HapiGenericClientTest {

    private static final int PATIENTS = 1200;
    private static final String TOXGRADE_CONDITION = "http://toxgrade.org/fhir/CodeSystem/toxgrade-condition";
    private static final String LAB_IDS = "urn:oid:2.16.840.1.113883.3.9999.2";

    @TestHTTPResource("fhir")
    URL base;

    private IGenericClient client() {
        FhirContext context = FhirContext.forR4Cached();
        IGenericClient client = context.newRestfulGenericClient(base.toString());
        client.registerInterceptor(new BearerTokenAuthInterceptor(Tokens.withScopes("system/*.cruds",
                "integration-engine")));
        return client;
    }

    @Test
    void pagesThroughTwelveHundredPatientsConditionsAndGetsEachExactlyOnce() {
        Date before = Date.from(Instant.now().minusSeconds(1));
        List<String> patients = IntStream.range(0, PATIENTS).mapToObj(i -> String.format("hc-%04d", i)).toList();
        long started = System.nanoTime();
        FeverPatients.send(patients, 100);
        long ingestMs = (System.nanoTime() - started) / 1_000_000;

        IGenericClient client = client();
        started = System.nanoTime();
        Bundle page = client.search().forResource(Condition.class)
                .where(Condition.CODE.exactly().systemAndCode(TOXGRADE_CONDITION, "crs"))
                .lastUpdated(new ca.uhn.fhir.rest.param.DateRangeParam(before, null))
                .count(100)
                .returnBundle(Bundle.class).execute();
        int total = page.getTotal();
        List<String> ids = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        int pages = 0;
        while (page != null) {
            pages++;
            for (Bundle.BundleEntryComponent entry : page.getEntry()) {
                Condition condition = (Condition) entry.getResource();
                ids.add(condition.getIdElement().getIdPart());
                subjects.add(condition.getSubject().getReference());
            }
            page = page.getLink(Bundle.LINK_NEXT) == null ? null : client.loadPage().next(page).execute();
        }
        long pagingMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("HapiGenericClientTest: %d patients ingested in %d ms; %d Conditions in %d pages read "
                + "in %d ms%n", PATIENTS, ingestMs, ids.size(), pages, pagingMs);

        assertEquals(ids.size(), new HashSet<>(ids).size(), "a Condition was returned twice");
        assertEquals(total, ids.size(), "Bundle.total is the number of matches");
        for (String patient : patients) {
            assertTrue(subjects.contains("Patient/" + patient), patient + " missing");
        }
        assertTrue(pages >= PATIENTS / 100, "pages: " + pages);

        Condition read = client.read().resource(Condition.class).withId(ids.get(0)).execute();
        assertEquals(ids.get(0), read.getIdentifierFirstRep().getValue());
        assertEquals("1", read.getMeta().getVersionId());
    }

    @Test
    void readsTheCapabilityStatementAndRefusesAnUnknownSearchParameter() {
        IGenericClient client = client();
        CapabilityStatement statement = client.capabilities().ofType(CapabilityStatement.class).execute();
        assertTrue(statement.getRestFirstRep().getResource().stream().anyMatch(r -> r.getType().equals("Condition")));
        InvalidRequestException refused = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRequestException.class, () -> client.search().byUrl("Condition?subjct=Patient/hc-0001")
                        .returnBundle(Bundle.class).execute());
        assertTrue(refused.getMessage().contains("subjct"), refused.getMessage());
    }

    @Test
    void conditionalCreateAndUpdateByIdentifierNeverDuplicate() {
        IGenericClient client = client();
        Observation first = temperature("lab-77", 37.2);
        MethodOutcome created = client.create().resource(first).conditional()
                .where(Observation.IDENTIFIER.exactly().systemAndCode(LAB_IDS, "lab-77")).execute();
        assertTrue(Boolean.TRUE.equals(created.getCreated()));
        MethodOutcome again = client.create().resource(temperature("lab-77", 37.2)).conditional()
                .where(Observation.IDENTIFIER.exactly().systemAndCode(LAB_IDS, "lab-77")).execute();
        assertFalse(Boolean.TRUE.equals(again.getCreated()));
        assertEquals(created.getId().getIdPart(), again.getId().getIdPart());

        MethodOutcome updated = client.update().resource(temperature("lab-77", 38.9)).conditional()
                .where(Observation.IDENTIFIER.exactly().systemAndCode(LAB_IDS, "lab-77")).execute();
        assertEquals(created.getId().getIdPart(), updated.getId().getIdPart());
        assertEquals("2", updated.getId().getVersionIdPart());
        Observation stored = client.read().resource(Observation.class).withId(created.getId().getIdPart()).execute();
        assertEquals(38.9, stored.getValueQuantity().getValue().doubleValue(), 1e-9);

        MethodOutcome createdByUpdate = client.update().resource(temperature("lab-78", 37.0)).conditional()
                .where(Observation.IDENTIFIER.exactly().systemAndCode(LAB_IDS, "lab-78")).execute();
        assertTrue(Boolean.TRUE.equals(createdByUpdate.getCreated()));
        assertNotNull(createdByUpdate.getId().getIdPart());
    }

    private static Observation temperature(String identifier, double celsius) {
        Observation observation = new Observation();
        observation.addIdentifier().setSystem(LAB_IDS).setValue(identifier);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8310-5");
        observation.setSubject(new Reference("Patient/hc-client"));
        observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2025-03-04T08:00:00Z"));
        observation.setValue(new Quantity().setValue(celsius).setUnit("Cel").setSystem("http://unitsofmeasure.org")
                .setCode("Cel"));
        return observation;
    }
}
