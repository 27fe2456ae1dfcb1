package org.toxgrade.conformance;

import jakarta.inject.Singleton;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalReadStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.SearchParam;
import org.toxgrade.fhir.validation.ProfilePackage;
import org.toxgrade.security.BearerTokenFilter;

/**
 * Builds the CapabilityStatement from {@link FhirEndpoints}, the tables the endpoints use, so that it
 * cannot claim an interaction or a search parameter that is not implemented (a test probes both ways).
 */
@Singleton
public class CapabilityStatementFactory {

    /** The service's FHIR package (fhir-profiles), as the implementation guide it conforms to. */
    static final String IMPLEMENTATION_GUIDE = ProfilePackage.CANONICAL_BASE + "/ImplementationGuide/org.toxgrade.fhir";

    private final String version;
    private final ProfilePackage profiles;

    public CapabilityStatementFactory(
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version,
            ProfilePackage profiles) {
        this.version = version;
        this.profiles = profiles;
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
        statement.addImplementationGuide(IMPLEMENTATION_GUIDE);

        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("JSON only. POST / takes batch and transaction Bundles of the written types; a "
                + "transaction is all or nothing, a batch answers per entry; entries take request.ifMatch (PUT "
                + "Type/id), request.ifNoneExist (POST) and PUT Type?identifier=system|value, as single requests do, "
                + "and in a transaction a conditional create that finds its resource is what references to its "
                + "fullUrl point at. Searches refuse every parameter, modifier "
                + "and value they do not support with 400, also under Prefer: handling=lenient, because a clinical "
                + "search silently widened (to every patient) is never safe. Pages are cursors: follow the next and "
                + "previous links. OperationOutcome issues carry the service code in details.coding (system "
                + "http://toxgrade.org/fhir/CodeSystem/error-code).");
        rest.getSecurity().setCors(false)
                .setDescription("Bearer JWT required on every interaction but this one and SMART discovery ("
                        + BearerTokenFilter.SMART_CONFIGURATION + ", at the root and under the FHIR base): SMART "
                        + "Backend Services tokens. Authorisation by SMART v2 system scopes per interaction and "
                        + "resource type, e.g. system/Observation.cu to push, system/Condition.rs to read results.")
                .addService().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
                .setCode("SMART-on-FHIR");
        rest.addInteraction().setCode(SystemRestfulInteraction.TRANSACTION);
        rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
        rest.addOperation().setName("grade").setDefinition(FhirEndpoints.GRADE_OPERATION)
                .setDocumentation("POST [base]/$grade with a Bundle of a patient's resources: the Conditions, Flags "
                        + "and Provenance the service would write, as a collection; nothing is stored");
        rest.addOperation().setName("import").setDefinition(FhirEndpoints.IMPORT_OPERATION)
                .setDocumentation("POST [base]/$import with an NDJSON file (application/fhir+ndjson), one resource "
                        + "per line: a backfill, asynchronous (202, then GET [base]/$import-status/{id}); each "
                        + "patient is derived once at the end");
        for (FhirEndpoints.Offer offer : FhirEndpoints.all()) {
            CapabilityStatementRestResourceComponent resource = rest.addResource().setType(offer.type());
            for (TypeRestfulInteraction interaction : TypeRestfulInteraction.values()) {
                if (offer.interactions().contains(interaction)) {
                    resource.addInteraction().setCode(interaction);
                }
            }
            boolean writes = offer.interactions().contains(TypeRestfulInteraction.UPDATE);
            resource.setVersioning(writes ? ResourceVersionPolicy.VERSIONEDUPDATE : ResourceVersionPolicy.VERSIONED)
                    .setReadHistory(false)
                    .setUpdateCreate(writes)
                    .setConditionalCreate(offer.conditionalWrites())
                    .setConditionalUpdate(offer.conditionalWrites())
                    .setConditionalRead(offer.notModifiedReads()
                            ? ConditionalReadStatus.NOTMATCH
                            : ConditionalReadStatus.NOTSUPPORTED);
            // supportedProfile (R4 CapabilityStatement.rest.resource.supportedProfile): the package's resource
            // profiles of the type, so a client knows what the Conditions and Flags it reads conform to.
            for (StructureDefinition profile : profiles.structureDefinitions()) {
                if (profile.getKind() == StructureDefinitionKind.RESOURCE
                        && profile.getDerivation() == TypeDerivationRule.CONSTRAINT
                        && offer.type().equals(profile.getType())) {
                    resource.addSupportedProfile(profile.getUrl());
                }
            }
            for (SearchParam param : offer.searchParams()) {
                var declared = resource.addSearchParam().setName(param.name()).setType(param.type())
                        .setDocumentation(param.documentation());
                if (param.definition() != null) {
                    declared.setDefinition(param.definition());
                }
            }
        }
        return statement;
    }
}
