package org.toxgrade.publish.build;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/** The derivation Provenance of one version of a Condition or Flag: which records it was derived from. */
public final class ProvenanceBuilder {

    /**
     * @param target e.g. {@code Condition/ep-...-crs/_history/2}, or a {@code urn:uuid:} in a transaction
     * @param firstVersion CREATE for the first version, UPDATE after
     */
    public Provenance build(String target, boolean firstVersion, List<String> sources, Instant recorded) {
        Provenance provenance = new Provenance();
        provenance.getMeta().addProfile(Codes.PROVENANCE_PROFILE);
        provenance.addTarget(new Reference(target));
        provenance.setRecorded(Date.from(recorded));
        provenance.setActivity(new CodeableConcept(new Coding(Codes.DATA_OPERATION,
                firstVersion ? "CREATE" : "UPDATE", firstVersion ? "create" : "update")));
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(Codes.PARTICIPANT_TYPE, "author", "Author")))
                .setWho(new Reference(Codes.DEVICE));
        sources.forEach(s -> provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference(s)));
        return provenance;
    }
}
