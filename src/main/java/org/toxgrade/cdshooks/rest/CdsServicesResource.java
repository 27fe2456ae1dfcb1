package org.toxgrade.cdshooks.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import org.toxgrade.cdshooks.CdsClientVerifier;
import org.toxgrade.cdshooks.CdsHooksError;
import org.toxgrade.cdshooks.CdsHooksSettings;
import org.toxgrade.cdshooks.PatientViewCards;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.results.ResultReads;
import org.toxgrade.security.Caller;
import org.toxgrade.security.GrantedScopes;

/**
 * CDS Hooks 2.0: {@code GET /cds-services} (discovery, open: it carries no patient data) and
 * {@code POST /cds-services/toxgrade-patient-view}, the {@code patient-view} hook, which answers cards for
 * the patient's active flags and current grades. A hook call carries the CDS client's JWT, verified here
 * against that client's JWKS (the service's own bearer tokens are not what CDS clients send).
 */
@Path("/cds-services")
public class CdsServicesResource {

    public static final String PATIENT_VIEW = "toxgrade-patient-view";
    static final String HOOK = "patient-view";

    private final CdsClientVerifier verifier;
    private final ResultReads reads;
    private final CdsHooksSettings settings;
    private final ObjectMapper mapper;
    private final Vertx vertx;

    public CdsServicesResource(CdsClientVerifier verifier, ResultReads reads, CdsHooksSettings settings,
            ObjectMapper mapper, Vertx vertx) {
        this.verifier = verifier;
        this.reads = reads;
        this.settings = settings;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode discovery() {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode service = body.putArray("services").addObject();
        service.put("hook", HOOK);
        service.put("id", PATIENT_VIEW);
        service.put("title", "CAR-T toxicity: CRS, ICANS and neurotoxicity flags");
        service.put("description", "Provisional ASTCT 2019 grades of cytokine release syndrome and ICANS and the "
                + "active neurotoxicity flags of a patient after CAR-T therapy, with a link to the course chart.");
        service.putObject("prefetch").put("patient", "Patient/{{context.patientId}}");
        service.put("usageRequirements", "The CDS client is registered with this service "
                + "(toxgrade.cds-hooks.clients) and signs each request with its JWKS key (RS384 or ES384).");
        return body;
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> call(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
            @Context UriInfo uri, String body) {
        if (!PATIENT_VIEW.equals(id)) {
            throw CdsHooksError.UNKNOWN_SERVICE.refuse();
        }
        String audience = uri.getAbsolutePath().toString();
        return vertx.executeBlocking(Uni.createFrom().item(() -> verifier.verify(authorization, audience)))
                .chain(client -> {
                    String patient = patientOf(body);
                    Caller caller = new Caller("cds-client " + client.subject() + " (" + client.issuer() + ")",
                            GrantedScopes.parse(""), false);
                    return reads.status(caller, patient, "cds-patient-view", Instant.now());
                })
                .map(status -> {
                    ObjectNode answer = mapper.createObjectNode();
                    ArrayNode cards = answer.putArray("cards");
                    PatientViewCards.of(status, chartUrl(uri)).forEach(card -> cards.add(mapper.valueToTree(card)));
                    return answer;
                });
    }

    /** The hook request's patient, after checking it is a {@code patient-view} call (CDS Hooks 2.0 request). */
    private String patientOf(String body) {
        JsonNode request;
        try {
            request = body == null ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            throw CdsHooksError.REQUEST_NOT_JSON.refuse();
        }
        if (!HOOK.equals(request.path("hook").asText(null))) {
            throw CdsHooksError.WRONG_HOOK.refuse(HOOK);
        }
        if (!request.path("hookInstance").isTextual() || request.path("hookInstance").asText().isBlank()) {
            throw CdsHooksError.NO_HOOK_INSTANCE.refuse();
        }
        JsonNode patientId = request.path("context").path("patientId");
        if (!patientId.isTextual() || !FhirIds.isValid(patientId.asText())) {
            throw CdsHooksError.NO_PATIENT.refuse();
        }
        JsonNode prefetched = request.path("prefetch").path("patient");
        if (prefetched.isObject() && !patientId.asText().equals(prefetched.path("id").asText(null))) {
            throw CdsHooksError.PREFETCH_MISMATCH.refuse();
        }
        return patientId.asText();
    }

    private String chartUrl(UriInfo uri) {
        return settings.appLaunchUrl().orElseGet(() -> uri.getBaseUri().resolve("app/launch.html").toString());
    }
}
