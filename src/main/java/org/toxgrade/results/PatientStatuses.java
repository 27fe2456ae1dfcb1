package org.toxgrade.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toxgrade.flags.FlagPriority;
import org.toxgrade.flags.NeurotoxicityFlag;
import org.toxgrade.patient.DerivedResourceRow;
import org.toxgrade.patient.EpisodeStateRow;

/** Turns stored episode rows and Flag rows into {@link PatientStatus}es. */
@ApplicationScoped
public class PatientStatuses {

    private final ObjectMapper mapper;

    public PatientStatuses(ObjectMapper mapper) {
        this.mapper = mapper;
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

    /** A dateTime with a time and zone, as the service writes them; null for anything else. */
    private static Instant instant(String dateTime) {
        try {
            return dateTime == null ? null : OffsetDateTime.parse(dateTime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private JsonNode timeline(EpisodeStateRow row) {
        try {
            return mapper.readTree(row.timelineJson);
        } catch (IOException e) {
            throw new IllegalStateException(ResultError.TIMELINE_UNREADABLE.message(), e);
        }
    }

    /**
     * The few elements read from the service's own Flag JSON, with Jackson: a full FHIR parse would be CPU work
     * on the event loop for nothing.
     */
    private PatientStatus.ActiveFlag flag(DerivedResourceRow row) {
        JsonNode flag;
        try {
            flag = mapper.readTree(row.resourceJson);
        } catch (IOException e) {
            throw new IllegalStateException(ResultError.FLAG_UNREADABLE.message(), e);
        }
        JsonNode coding = flag.path("code").path("coding").path(0);
        String code = coding.path("code").asText();
        NeurotoxicityFlag known = PatientStatus.known(code);
        // A flag of a code this version does not know still shows, with its own display, at high priority.
        FlagPriority priority = known == null ? FlagPriority.PH : known.priority();
        String display = known == null ? coding.path("display").asText(code) : known.display();
        Instant since = instant(flag.path("period").path("start").asText(null));
        return new PatientStatus.ActiveFlag(row.resourceId, code, display, priority, since,
                flag.path("code").path("text").asText(null));
    }
}
