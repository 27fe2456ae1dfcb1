package org.toxgrade.patient.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.toxgrade.patient.PatientQueries;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.GrantedScopes;

/**
 * Operator views (scope {@code toxgrade/operator}), JSON: which patients wait for an infusion
 * record, and which facts the service holds for a patient, so an integration team can see how
 * its flowsheet rows were understood.
 */
@Path("/ops/patients")
@Produces(MediaType.APPLICATION_JSON)
public class PatientOperationsResource {

    private final PatientQueries queries;
    private final CurrentCaller caller;

    public PatientOperationsResource(PatientQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("pending")
    public Uni<List<PatientQueries.PendingPatient>> pending(@QueryParam("limit") @DefaultValue("100") int limit) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return queries.pending(Math.max(1, Math.min(limit, 1000)));
    }

    @GET
    @Path("{id}/facts")
    public Uni<List<PatientQueries.StoredFact>> facts(@PathParam("id") String id) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return queries.facts("Patient/" + id);
    }
}
