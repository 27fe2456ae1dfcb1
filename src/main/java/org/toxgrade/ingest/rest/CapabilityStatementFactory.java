package org.toxgrade.ingest.rest;

import jakarta.inject.Singleton;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.ingest.IngestibleType;

/**
 * Builds the CapabilityStatement from the same facts the endpoints use (the accepted resource
 * types), so that it cannot claim an interaction that is not implemented.
 */
@Singleton
public class CapabilityStatementFactory {

    private final String version;

    public CapabilityStatementFactory(
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.version = version;
    }

    public CapabilityStatement build() {
        CapabilityStatement statement = new CapabilityStatement()
                .setStatus(PublicationStatus.ACTIVE)
                .setDate(new Date())
                .setKind(CapabilityStatementKind.INSTANCE)
                .setFhirVersion(FHIRVersion._4_0_1)
                .setPublisher("ToxGrade");
        statement.setName("ToxGradeServer");
        statement.setTitle("ToxGrade: CRS and ICANS grading after CAR-T therapy");
        statement.getSoftware().setName("ToxGrade").setVersion(version);
        statement.getImplementation().setDescription("Receives EHR observations and drug administrations after "
                + "CAR-T infusion; grades CRS and ICANS by the ASTCT consensus");
        statement.addFormat(FhirMediaTypes.FHIR_JSON).addFormat("json");

        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("JSON only. POST / takes batch and transaction Bundles of the resource types "
                + "below; a transaction is all or nothing, a batch answers per entry. Conditional interactions "
                + "are not supported: PUT Type/id with the sender's id to make redeliveries idempotent.");
        rest.getSecurity().setCors(false)
                .setDescription("Bearer JWT required on every interaction but this one (SMART Backend Services "
                        + "tokens). Authorisation by SMART v2 system scopes per interaction and resource type, e.g. "
                        + "system/Observation.cu to push, system/AuditEvent.rs for the audit trail.")
                .addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("SMART-on-FHIR");
        rest.addInteraction().setCode(SystemRestfulInteraction.TRANSACTION);
        rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
        for (IngestibleType type : IngestibleType.values()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource()
                    .setType(type.fhirName())
                    .setVersioning(ResourceVersionPolicy.VERSIONED)
                    .setReadHistory(false)
                    .setUpdateCreate(true)
                    .setConditionalCreate(false)
                    .setConditionalUpdate(false);
            resource.addInteraction().setCode(TypeRestfulInteraction.CREATE);
            resource.addInteraction().setCode(TypeRestfulInteraction.UPDATE);
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(TypeRestfulInteraction.VREAD);
        }
        CapabilityStatementRestResourceComponent audit = rest.addResource().setType("AuditEvent");
        audit.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        audit.addSearchParam().setName("_since").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("records at or after this instant");
        audit.addSearchParam().setName("agent").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("the client id of the caller");
        audit.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("at most this many, newest first (default 100, at most 1000)");
        return statement;
    }
}
