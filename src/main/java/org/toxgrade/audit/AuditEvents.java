package org.toxgrade.audit;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** Shows an audit record as a FHIR R4 AuditEvent (type rest, subtype the interaction). */
final class AuditEvents {

    static final String CLIENT_SYSTEM = "http://toxgrade.org/fhir/sid/client-id";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

    private AuditEvents() {
    }

    static AuditEvent of(AuditRecord row) {
        AuditEvent event = new AuditEvent();
        event.setId(String.valueOf(row.pk));
        event.setType(
                new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", row.interaction, null));
        event.setAction(AuditEventAction.fromCode(row.action));
        event.setRecorded(Date.from(row.recordedAt.toInstant()));
        event.setOutcome(row.outcomeStatus < 400
                ? AuditEventOutcome._0
                : row.outcomeStatus < 500 ? AuditEventOutcome._4 : AuditEventOutcome._8);
        event.setOutcomeDesc("HTTP " + row.outcomeStatus);
        event.addAgent().setRequestor(true)
                .setWho(new Reference()
                        .setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(row.clientId)));
        event.getSource().setObserver(new Reference().setDisplay("ToxGrade"));
        if (row.resourceType != null && row.resourceId != null) {
            String what = row.resourceType + "/" + row.resourceId
                    + (row.versionId == null ? "" : "/_history/" + row.versionId);
            event.addEntity().setWhat(new Reference(what));
        }
        if (row.patientRefs != null) {
            for (String patient : row.patientRefs.split(" ")) {
                event.addEntity().setWhat(new Reference(patient))
                        .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                        .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
            }
        }
        if (row.query != null) {
            event.addEntity().setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                    .setRole(new Coding(OBJECT_ROLE, "24", "Query"))
                    .setWhat(new Reference().setDisplay(row.resourceType))
                    .setQuery(row.query.getBytes(StandardCharsets.UTF_8));
        }
        return event;
    }
}
