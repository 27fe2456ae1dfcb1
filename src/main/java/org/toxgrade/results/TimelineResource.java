package org.toxgrade.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.patient.EpisodeStateRow;
import org.toxgrade.security.Caller;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.Permission;

/**
 * {@code GET /api/patients/{id}/timeline}: per episode, day by day, the CRS and ICANS grade, the
 * flags active and the drugs given, the data a chart draws. JSON; needs the scopes to read
 * Conditions and Flags, since it shows both.
 */
@Path("/api/patients/{id}/timeline")
public class TimelineResource {

    private final ResultReads reads;
    private final ObjectMapper mapper;
    private final CurrentCaller caller;

    public TimelineResource(ResultReads reads, ObjectMapper mapper, CurrentCaller caller) {
        this.reads = reads;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> timeline(@PathParam("id") String id) {
        Caller who = caller.get();
        who.require("Condition", Permission.R);
        who.require("Flag", Permission.R);
        FhirIds.require(id, "id");
        String patient = "Patient/" + id;
        return reads.episodes(who, id)
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ResultError.NO_EPISODE.refuse();
                    }
                    ObjectNode body = mapper.createObjectNode().put("patient", patient);
                    ArrayNode episodes = body.putArray("episodes");
                    for (EpisodeStateRow row : rows) {
                        try {
                            ObjectNode episode = (ObjectNode) mapper.readTree(row.timelineJson);
                            episode.put("windowEnd", row.windowEnd.toInstant().toString());
                            episode.put("derivedAt", row.derivedAt.toInstant().toString());
                            episodes.add(episode);
                        } catch (IOException e) {
                            throw new IllegalStateException(ResultError.TIMELINE_UNREADABLE.message(), e);
                        }
                    }
                    return body;
                });
    }
}
