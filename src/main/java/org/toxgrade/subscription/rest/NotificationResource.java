package org.toxgrade.subscription.rest;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.FhirMediaTypes;
import org.toxgrade.fhir.OperationOutcomes;
import org.toxgrade.fhir.rest.FhirResponses;
import org.toxgrade.ingest.IngestSettings;
import org.toxgrade.security.BearerTokenFilter;
import org.toxgrade.security.Caller;
import org.toxgrade.security.Permission;
import org.toxgrade.subscription.ChannelSecrets;
import org.toxgrade.subscription.EhrSource;
import org.toxgrade.subscription.InboxWorker;
import org.toxgrade.subscription.NotificationInbox;
import org.toxgrade.subscription.Sources;
import org.toxgrade.subscription.SubscriptionError;

/**
 * The notification endpoints of the EHRs' Subscriptions, one per source: {@code POST /notify/[source]} (empty
 * body, a resource, or a notification Bundle) and {@code PUT /notify/[source]/[type]/[id]} (a rest-hook with
 * payload as HAPI FHIR sends it). A notification is taken only with the source's channel secret (compared in
 * constant time) or a bearer token of this service allowed to update the notified types; otherwise 401 and
 * nothing is read or stored. A notification taken is stored in the inbox and answered {@code 200} at once
 * ({@code TG-SUB-015}, header {@code X-Inbox-Entry}); its content is processed from there. Answers are
 * OperationOutcomes.
 */
@Path("/notify/{source: [a-z0-9][a-z0-9-]*}")
@Produces({FhirMediaTypes.FHIR_JSON, FhirMediaTypes.JSON})
public class NotificationResource {

    private static final Logger LOG = Logger.getLogger(NotificationResource.class);

    private final Sources sources;
    /** The answer's header naming the inbox entry (for operators and tests: {@code GET /ops/subscriptions/inbox/{id}}). */
    public static final String INBOX_ENTRY_HEADER = "X-Inbox-Entry";

    private final NotificationInbox inbox;
    private final InboxWorker worker;
    private final CurrentVertxRequest request;
    private final FhirResponses responses;
    private final IngestSettings ingestConfig;

    private final ChannelSecrets secrets;

    public NotificationResource(Sources sources, NotificationInbox inbox, InboxWorker worker,
            CurrentVertxRequest request, FhirResponses responses, IngestSettings ingestConfig,
            ChannelSecrets secrets) {
        this.secrets = secrets;
        this.sources = sources;
        this.inbox = inbox;
        this.worker = worker;
        this.request = request;
        this.responses = responses;
        this.ingestConfig = ingestConfig;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> post(@PathParam("source") String name, @Context HttpHeaders headers, String body) {
        return secrets.loaded(name).chain(() -> receive(accept(name, headers, null), "POST", null, null, body));
    }

    @PUT
    @Path("{type: [A-Z][A-Za-z]+}/{id}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> put(@PathParam("source") String name, @PathParam("type") String type,
            @PathParam("id") String id, @Context HttpHeaders headers, String body) {
        return secrets.loaded(name).chain(() -> receive(accept(name, headers, type), "PUT", type, id, body));
    }

    /**
     * HAPI FHIR tells a rest-hook with payload of a deletion as {@code DELETE endpoint/[type]/[id]}. Nothing is
     * deleted here (what was received stays on record; an EHR retracts a result with entered-in-error); the
     * notification is acknowledged so the EHR does not retry it.
     */
    @DELETE
    @Path("{type: [A-Z][A-Za-z]+}/{id}")
    public Uni<Response> delete(@PathParam("source") String name, @PathParam("type") String type,
            @PathParam("id") String id, @Context HttpHeaders headers) {
        return secrets.loaded(name).chain(() -> receive(accept(name, headers, type), "DELETE", type, id, null));
    }

    /**
     * One insert into the inbox, then the answer: the EHR learns in milliseconds that its notification is safe,
     * whatever the load; processing follows in the background ({@link InboxWorker}), and what the content lacks
     * becomes a refusal record for operators instead of an error the EHR would retry for a minute.
     */
    private Uni<Response> receive(EhrSource source, String method, String type, String id, String body) {
        return inbox.receive(source.name(), method, type, id, body).map(entry -> {
            worker.trigger();
            return responses.ok(200, OperationOutcomes.information(SubscriptionError.NOTIFICATION_QUEUED,
                    SubscriptionError.NOTIFICATION_QUEUED.message(entry))).header(INBOX_ENTRY_HEADER, entry)
                    .build();
        });
    }

    /** The source, if the sender proved it is that EHR (or a client allowed to write what it notifies). */
    private EhrSource accept(String name, HttpHeaders headers, String type) {
        EhrSource source = sources.named(name).orElse(null);
        if (source == null) {
            // Only a caller who proved who it is learns that the source does not exist.
            if (currentCaller() == null) {
                throw SubscriptionError.NOTIFICATION_NOT_AUTHENTICATED.refuse(name);
            }
            throw SubscriptionError.UNKNOWN_NOTIFICATION_SOURCE.refuse();
        }
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase().contains("xml")) {
            throw SubscriptionError.NOTIFICATION_NOT_JSON_MEDIA_TYPE.refuse();
        }
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}")
                && Long.parseLong(length) > ingestConfig.maxBodySize().asLongValue()) {
            throw SubscriptionError.NOTIFICATION_TOO_LARGE.refuse(ingestConfig.maxBodySize().asLongValue());
        }
        boolean secret = secrets.accepts(source, headers.getHeaderString(source.secretHeader()));
        if (secret || tokenAllows(source, type)) {
            return source;
        }
        FhirException refused = SubscriptionError.NOTIFICATION_NOT_AUTHENTICATED.refuse(source.name());
        LOG.warn(refused.getMessage());
        throw refused;
    }

    private Caller currentCaller() {
        return request.getCurrent() == null ? null : request.getCurrent().get(BearerTokenFilter.CALLER);
    }

    private boolean tokenAllows(EhrSource source, String type) {
        Caller caller = currentCaller();
        if (caller == null) {
            return false;
        }
        Set<String> types = new HashSet<>();
        source.criteria().forEach(c -> types.add(EhrSource.typeOf(c)));
        if (type != null) {
            types.add(type);
        }
        return types.stream().allMatch(t -> caller.may(t, Permission.U));
    }
}
