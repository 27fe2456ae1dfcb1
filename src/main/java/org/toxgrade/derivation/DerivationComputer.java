package org.toxgrade.derivation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Provenance;
import org.toxgrade.episode.EpisodeDerivation;
import org.toxgrade.episode.PatientDerivation;
import org.toxgrade.episode.PatientDeriver;
import org.toxgrade.facts.PatientFacts;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.fhir.Hashes;
import org.toxgrade.grading.GradingConfig;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.patient.DerivedState;
import org.toxgrade.publish.OutboundChange;
import org.toxgrade.publish.build.DerivedResource;
import org.toxgrade.publish.build.DerivedResourcesBuilder;
import org.toxgrade.publish.build.FlagBuilder;
import org.toxgrade.publish.build.Narratives;
import org.toxgrade.publish.build.ProvenanceBuilder;

/**
 * The CPU part of a re-derivation, run off the event loop: grade and flag, build the FHIR
 * resources, encode them, and say what became of results the data no longer supports. Touches no
 * database: the caller passes what is stored.
 */
@Singleton
public class DerivationComputer {

    private static final String VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private final PatientDeriver deriver;
    private final DerivedResourcesBuilder builder;
    private final FhirJson json;
    private final ObjectMapper mapper;
    private final GradingConfig grading;
    private final ProvenanceBuilder provenances = new ProvenanceBuilder();

    public DerivationComputer(PatientDeriver deriver, DerivedResourcesBuilder builder, FhirJson json,
            ObjectMapper mapper, GradingConfig grading) {
        this.deriver = deriver;
        this.builder = builder;
        this.json = json;
        this.mapper = mapper;
        this.grading = grading;
    }

    /**
     * @param published the stored results ({@code Type/id}) the EHR has received (or may have: a
     *     delivery in flight), which are withdrawn visibly when the data stops supporting them
     */
    DerivedState compute(String patient, PatientFacts facts, Map<String, DerivedResourceRow> existing,
            Set<String> published, OffsetDateTime now) {
        Instant asOf = now.toInstant();
        PatientDerivation derivation = deriver.derive(patient, facts, asOf);
        List<DerivedResource> resources = builder.build(derivation, id -> {
            DerivedResourceRow row = existing.get("Condition/" + id);
            return row == null ? asOf : row.firstRecordedAt.toInstant();
        });
        List<DerivedState.EncodedResource> encoded = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (DerivedResource resource : resources) {
            present.add(resource.resourceType() + "/" + resource.id());
            encoded.add(encode(resource.resourceType(), resource.id(), resource.episodeKey(), resource.status(),
                    resource.resource(), resource.sources(), asOf,
                    existing.get(resource.resourceType() + "/" + resource.id())));
        }
        List<String> retracted = new ArrayList<>();
        for (DerivedResourceRow row : existing.values()) {
            String ref = row.resourceType + "/" + row.resourceId;
            if (present.contains(ref)) {
                continue;
            }
            // A result nobody outside the service received is taken back silently, so the outcome
            // does not depend on the order records arrived in (a late record can merge two flag
            // occurrences or show that ICANS never resolved); one the EHR has is withdrawn in view.
            if (published.contains(ref)) {
                encoded.add(withdrawn(row, asOf));
            } else {
                retracted.add(ref);
            }
        }
        List<DerivedState.EncodedEpisode> episodes = new ArrayList<>();
        for (EpisodeDerivation episode : derivation.episodes()) {
            episodes.add(new DerivedState.EncodedEpisode(episode.window(), timelineJson(episode)));
        }
        return new DerivedState(encoded, episodes, retracted);
    }

    /**
     * A result the EHR received that the data no longer supports (its records corrected or
     * withdrawn, or records that arrived later tell another story): never deleted there. A Flag
     * becomes inactive with an end (docs/clinical-rules.md section 5); a Condition is marked
     * entered-in-error, since it was proposed from records that turned out wrong or incomplete.
     */
    private DerivedState.EncodedResource withdrawn(DerivedResourceRow row, Instant now) {
        DomainResource stored = (DomainResource) json.parse(row.resourceJson);
        DomainResource updated;
        String status;
        if (stored instanceof Flag flag) {
            updated = FlagBuilder.withdrawn(flag, now);
            status = "inactive";
        } else {
            Condition condition = ((Condition) stored).copy();
            condition.setVerificationStatus(new CodeableConcept(new Coding(VER_STATUS, "entered-in-error", null)));
            if (condition.getNote().stream().noneMatch(n -> n.getText().startsWith("Withdrawn"))) {
                condition.addNote().setText("Withdrawn: not supported by the records now held (a record was"
                        + " corrected or withdrawn, or records received later tell another story).")
                        .setTime(Date.from(now));
            }
            Narratives.write(condition);
            updated = condition;
            status = "entered-in-error";
        }
        // A result already withdrawn encodes the same again and therefore changes nothing.
        return encode(row.resourceType, row.resourceId, row.episodeKey, status, updated, List.of(), now, row);
    }

    /**
     * @param previous the stored version, or null: an unchanged result needs no outbound change (the
     *     store writes nothing for it), and a changed one is an UPDATE in its Provenance
     */
    private DerivedState.EncodedResource encode(String type, String id, String episodeKey, String status,
            DomainResource resource, List<String> sources, Instant now, DerivedResourceRow previous) {
        resource.getMeta().setVersionId(null);
        resource.getMeta().setLastUpdated(null);
        String text = json.encode(resource);
        String sha256 = Hashes.sha256(text);
        OutboundChange outbound = null;
        if (previous == null || !previous.contentSha256.equals(sha256)) {
            // The Provenance names the records the result was derived from; its target is rewritten on
            // delivery to the resource written in the same EHR transaction.
            Provenance provenance = provenances.build(type + "/" + id, previous == null, sources, now);
            outbound = OutboundChange.ofJson(text, json.encode(provenance));
        }
        return new DerivedState.EncodedResource(type, id, episodeKey, status, text, sha256, sources, outbound);
    }

    private String timelineJson(EpisodeDerivation episode) {
        try {
            return mapper.writeValueAsString(deriver.courseChart(episode, grading.zone()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(DerivationError.TIMELINE_UNENCODABLE.message(), e);
        }
    }
}
