package org.toxgrade.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.toxgrade.security.Caller;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.Permission;

/**
 * {@code GET /api/worklist}: every patient in active monitoring (an episode whose window to day 100 is open),
 * newest infusion first: the day after infusion, the latest CRS and ICANS grades, the active flags by
 * priority, and the time since the last ICE assessment (overdue after {@code toxgrade.worklist.ice-overdue-after}).
 * JSON; needs the scopes to read Conditions and Flags, like the timeline.
 */
@Path("/api/worklist")
public class WorklistResource {

    private final ResultReads reads;
    private final ObjectMapper mapper;
    private final CurrentCaller caller;
    private final WorklistSettings settings;

    public WorklistResource(ResultReads reads, ObjectMapper mapper, CurrentCaller caller, WorklistSettings settings) {
        this.reads = reads;
        this.mapper = mapper;
        this.caller = caller;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> worklist() {
        Caller who = caller.get();
        who.require("Condition", Permission.R);
        who.require("Flag", Permission.R);
        Instant now = Instant.now();
        Duration overdue = settings.iceOverdueAfter();
        return reads.worklist(who, now).map(statuses -> {
            ObjectNode body = mapper.createObjectNode();
            body.put("generatedAt", now.toString());
            body.put("iceOverdueAfterMinutes", overdue.toMinutes());
            ArrayNode patients = body.putArray("patients");
            for (PatientStatus status : statuses) {
                ObjectNode p = patients.addObject();
                p.put("patient", status.patient());
                p.put("episodeNumber", status.episodeNumber());
                p.put("infusion", status.infusion().toString());
                p.put("day", status.day());
                status.grades().forEach((syndrome, grade) -> p.set(syndrome, grade(grade)));
                ArrayNode flags = p.putArray("flags");
                for (PatientStatus.ActiveFlag flag : status.flags()) {
                    ObjectNode f = flags.addObject().put("code", flag.code()).put("display", flag.display())
                            .put("priority", flag.priority().code());
                    if (flag.since() != null) {
                        f.put("since", flag.since().toString());
                    }
                }
                if (status.lastIce() != null) {
                    p.put("lastIce", status.lastIce().toString());
                    p.put("minutesSinceIce", Duration.between(status.lastIce(), now).toMinutes());
                }
                p.put("iceOverdue", status.iceOverdue(now, overdue));
            }
            return body;
        });
    }

    private ObjectNode grade(PatientStatus.Grade grade) {
        ObjectNode node = mapper.createObjectNode();
        if (grade.grade() != null) {
            node.put("grade", grade.grade()).put("day", grade.day());
        }
        if (grade.notAssessed() != null) {
            node.put("notAssessed", grade.notAssessed());
        }
        return node;
    }
}
