package org.toxgrade.publish.build;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Flag.FlagStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.toxgrade.episode.EpisodeDerivation;
import org.toxgrade.facts.FactIds;
import org.toxgrade.flags.FlagOccurrence;
import org.toxgrade.flags.NeurotoxicityFlag;

/**
 * A neurotoxicity Flag per flag occurrence (docs/clinical-rules.md section 5): code and priority, period
 * from when the rule first held to when it stopped, the records that made it fire as
 * {@code flag-detail}, and the rule applied in {@code code.text} for the bedside.
 */
public final class FlagBuilder {

    public DerivedResource build(String patient, EpisodeDerivation episode, FlagOccurrence occurrence) {
        String id = episode.window().key() + "-" + occurrence.flag().code() + "-" + occurrence.occurrence();
        Flag flag = new Flag();
        flag.setId(id);
        flag.getMeta().addProfile(Codes.FLAG_PROFILE);
        flag.addExtension(Codes.FLAG_PRIORITY_EXTENSION,
                new CodeableConcept(new Coding(Codes.FLAG_PRIORITY_CODES, occurrence.priority().code(), null)));
        Set<String> sources = new LinkedHashSet<>();
        occurrence.evidence().factIds().forEach(f -> sources.add(FactIds.sourceOf(f)));
        sources.forEach(s -> flag.addExtension(Codes.FLAG_DETAIL_EXTENSION, new Reference(s)));
        flag.addIdentifier().setSystem(Codes.DERIVED_RESULT).setValue(id);
        flag.setStatus(occurrence.end() == null ? FlagStatus.ACTIVE : FlagStatus.INACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(Codes.FLAG_CATEGORY, "clinical", "Clinical")));
        CodeableConcept code = new CodeableConcept(new Coding(NeurotoxicityFlag.SYSTEM,
                occurrence.flag().code(), occurrence.flag().display()));
        code.setText(occurrence.flag().display() + ": " + occurrence.evidence().explanation());
        flag.setCode(code);
        flag.setSubject(new Reference(patient));
        Period period = new Period().setStart(Date.from(occurrence.start()));
        if (occurrence.end() != null) {
            period.setEnd(Date.from(occurrence.end()));
        }
        flag.setPeriod(period);
        flag.setAuthor(new Reference(Codes.DEVICE));
        Narratives.write(flag);
        return new DerivedResource("Flag", id, patient, episode.window().key(), flag.getStatus().toCode(), flag,
                List.copyOf(sources));
    }

    /**
     * A flag the EHR received that the data no longer supports at all (its facts were corrected or
     * retracted, or records received later tell another story): it is never deleted there
     * (docs/clinical-rules.md section 5) but becomes inactive, ending now.
     */
    public static Flag withdrawn(Flag previous, Instant now) {
        Flag flag = previous.copy();
        flag.setStatus(FlagStatus.INACTIVE);
        if (!flag.getPeriod().hasEnd()) {
            flag.getPeriod().setEnd(Date.from(now));
        }
        flag.getCode().setText(flag.getCode().getCodingFirstRep().getDisplay()
                + ": no longer supported by the records now held (a record was corrected or withdrawn,"
                + " or records received later tell another story)");
        Narratives.write(flag);
        return flag;
    }
}
