package org.toxgrade.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.security.CurrentCaller;

/**
 * Stands in for the producer in tests: enqueues {@code {"resource": ..., "provenance": ...}} in a
 * transaction of its own and triggers the dispatcher after the commit, as the publish builders do.
 */
@Path("/test/outbox")
public class TestProducerResource {

    private final Mutiny.SessionFactory sessions;
    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final CurrentCaller caller;

    public TestProducerResource(Mutiny.SessionFactory sessions, Outbox outbox, OutboxDispatcher dispatcher,
            CurrentCaller caller) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Outbox.Enqueued> enqueue(JsonNode body) {
        caller.get();
        OutboundChange change = OutboundChange.ofJson(body.get("resource").toString(),
                body.get("provenance").toString());
        return sessions.withTransaction(session -> outbox.enqueue(session, change))
                .invoke(dispatcher::trigger);
    }
}
