package org.toxgrade.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Flag;
import org.toxgrade.fhir.FhirJson;
import org.toxgrade.flags.FlagPriority;
import org.toxgrade.flags.NeurotoxicityFlag;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.patient.EpisodeStateRow;

/** Turns stored episode rows and Flag rows into {@link PatientStatus}es. */
@ApplicationScoped
public class PatientStatuses {

    private final ObjectMapper mapper;
    private final FhirJson json;

    public PatientStatuses(ObjectMapper mapper, FhirJson json) {
        this.mapper = mapper;
        this.json = json;
    }

    /** One status per episode row (each the newest of its patient), with that patient's active flags. */
    List<PatientStatus> of(List<EpisodeStateRow> episodes, List<DerivedResourceRow> flagRows, Instant now) {
        Map<String, List<PatientStatus.ActiveFlag>> flags = new LinkedHashMap<>();
        for (DerivedResourceRow row : flagRows) {
            flags.computeIfAbsent(row.patientRef, k -> new ArrayList<>()).add(flag(row));
        }
        List<PatientStatus> statuses = new ArrayList<>();
        for (EpisodeStateRow row : episodes) {
            statuses.add(PatientStatus.of(row.patientRef, row.episodeNumber, row.infusionAt.toInstant(),
                    row.windowEnd.toInstant(), row.derivedAt.toInstant(), timeline(row),
                    flags.getOrDefault(row.patientRef, List.of()), now));
        }
        return statuses;
    }

    private JsonNode timeline(EpisodeStateRow row) {
        try {
            return mapper.readTree(row.timelineJson);
        } catch (IOException e) {
            throw new IllegalStateException(ResultError.TIMELINE_UNREADABLE.message(), e);
        }
    }

    private PatientStatus.ActiveFlag flag(DerivedResourceRow row) {
        Flag flag = (Flag) json.parse(row.resourceJson);
        String code = flag.getCode().getCodingFirstRep().getCode();
        NeurotoxicityFlag known = PatientStatus.known(code);
        // A flag of a code this version does not know still shows, with its own display, at high priority.
        FlagPriority priority = known == null ? FlagPriority.PH : known.priority();
        String display = known == null ? flag.getCode().getCodingFirstRep().getDisplay() : known.display();
        Instant since = flag.getPeriod().hasStart() ? flag.getPeriod().getStart().toInstant() : null;
        return new PatientStatus.ActiveFlag(row.resourceId, code, display, priority, since, flag.getCode().getText());
    }
}
