package org.toxgrade.publish.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.toxgrade.ehr.EhrClient;
import org.toxgrade.publish.OutboxDispatcher;
import org.toxgrade.publish.OutboxError;
import org.toxgrade.publish.OutboxMetrics;
import org.toxgrade.publish.OutboxRow;
import org.toxgrade.publish.OutboxState;
import org.toxgrade.publish.OutboxStore;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.GrantedScopes;
import org.toxgrade.security.IdHasher;

/**
 * Operator view of the write-back to the EHR (scope {@code toxgrade/operator}); plain JSON, refusals
 * are OperationOutcomes like everywhere else.
 *
 * <ul>
 * <li>{@code GET /ops/outbox}: write-back on/off, circuit state, rows per state.</li>
 * <li>{@code GET /ops/outbox/rows?state=dead&state=invalid&_count=100}: rows without resource bodies,
 * newest first (default states: dead and invalid); {@code GET /ops/outbox/rows/{id}}: one row.</li>
 * <li>{@code POST /ops/outbox/dead/{id}/redrive}, {@code POST /ops/outbox/dead/redrive}: dead rows back to
 * pending with attempts reset, then a dispatcher run.</li>
 * <li>{@code POST /ops/outbox/dispatch}: a dispatcher run now.</li>
 * </ul>
 */
@Path("/ops/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxOperatorResource {

    private static final int MAX_COUNT = 1000;

    private final CurrentCaller caller;
    private final OutboxStore store;
    private final OutboxDispatcher dispatcher;
    private final EhrClient ehr;
    private final IdHasher ids;
    private final OutboxMetrics metrics;

    public OutboxOperatorResource(CurrentCaller caller, OutboxStore store, OutboxDispatcher dispatcher, EhrClient ehr,
            IdHasher ids, OutboxMetrics metrics) {
        this.caller = caller;
        this.store = store;
        this.dispatcher = dispatcher;
        this.ehr = ehr;
        this.ids = ids;
        this.metrics = metrics;
    }

    /** The answer of {@code GET /ops/outbox}. */
    public record Status(String writeBack, String ehr, String circuit, Map<String, Long> counts) {
    }

    /** One row as operators see it: no resource or Provenance body, the patient by keyed hash only. */
    public record RowView(long id, String state, String resourceType, String identifier, String patient, int attempts,
            Integer lastStatus, String lastError, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            OffsetDateTime nextAttemptAt, String ehrResourceId, String ehrVersionId, Long supersededBy) {
    }

    public record Rows(List<RowView> rows) {
    }

    public record Redriven(int redriven) {
    }

    @GET
    public Uni<Status> status() {
        requireOperator();
        return store.counts().map(counts -> {
            Map<String, Long> byCode = new LinkedHashMap<>();
            counts.forEach((state, count) -> byCode.put(state.code(), count));
            return new Status(ehr.enabled() ? "on" : "off", ehr.describe(),
                    ehr.breaker().state().name().toLowerCase().replace('_', '-'), byCode);
        });
    }

    @GET
    @Path("rows")
    public Uni<Rows> rows(@QueryParam("state") List<String> states,
            @QueryParam("_count") @DefaultValue("100") int count) {
        requireOperator();
        List<OutboxState> wanted;
        try {
            wanted = states == null || states.isEmpty()
                    ? List.of(OutboxState.DEAD, OutboxState.INVALID)
                    : states.stream().map(OutboxState::of).toList();
        } catch (IllegalArgumentException e) {
            throw OutboxError.UNKNOWN_STATE_PARAMETER.refuseAt("state");
        }
        return store.list(wanted, Math.max(1, Math.min(count, MAX_COUNT)))
                .map(list -> new Rows(list.stream().map(this::view).toList()));
    }

    @GET
    @Path("rows/{id}")
    public Uni<RowView> row(@PathParam("id") long id) {
        requireOperator();
        return store.find(id).map(row -> {
            if (row == null) {
                throw OutboxError.NO_ROW.refuse(id);
            }
            return view(row);
        });
    }

    @POST
    @Path("dead/{id}/redrive")
    public Uni<Redriven> redriveOne(@PathParam("id") long id) {
        requireOperator();
        return store.redrive(id).map(count -> {
            if (count == 0) {
                throw OutboxError.NO_DEAD_ROW.refuse(id);
            }
            return redriven(count);
        });
    }

    @POST
    @Path("dead/redrive")
    public Uni<Redriven> redriveAll() {
        requireOperator();
        return store.redrive(null).map(this::redriven);
    }

    @POST
    @Path("dispatch")
    public Map<String, Boolean> dispatch() {
        requireOperator();
        dispatcher.trigger();
        return Map.of("triggered", true);
    }

    private Redriven redriven(int count) {
        metrics.redriven(count);
        dispatcher.trigger();
        return new Redriven(count);
    }

    private RowView view(OutboxRow row) {
        return new RowView(row.pk, row.state, row.resourceType, row.identifierValue, ids.ref("Patient", row.patientRef),
                row.attempts, row.lastStatus, row.lastError, row.createdAt, row.updatedAt, row.nextAttemptAt,
                row.ehrResourceId, row.ehrVersionId, row.supersededBy);
    }

    private void requireOperator() {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
    }
}
