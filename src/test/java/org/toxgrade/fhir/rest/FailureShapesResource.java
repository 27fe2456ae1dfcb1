package org.toxgrade.fhir.rest;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.hibernate.reactive.mutiny.Mutiny;
import org.toxgrade.security.CurrentCaller;

/**
 * Fails a request in the shapes storage failures take on their way to the exception mapper: a lost
 * connection behind a failed rollback, in a suppressed exception, many causes deep, and a connection
 * really lost (the database ends this request's own backend). A cycle of causes is not among them:
 * RESTEasy Reactive walks the first causes itself before any mapper and loops on one (CausesTest
 * covers the mapper's own walk).
 */
@Path("/test/failures/{shape}")
public class FailureShapesResource {

    private final Mutiny.SessionFactory sessions;
    private final CurrentCaller caller;

    public FailureShapesResource(Mutiny.SessionFactory sessions, CurrentCaller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @Produces("application/fhir+json")
    public Uni<String> fail(@PathParam("shape") String shape) {
        caller.get();
        if (shape.equals("terminated-backend")) {
            return sessions.withTransaction(session -> session
                    .createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getSingleResult())
                    .map(String::valueOf);
        }
        return Uni.createFrom().failure(failure(shape));
    }

    private static Throwable failure(String shape) {
        switch (shape) {
            case "lost-behind-a-failed-rollback":
                // Mutiny's answer when the work fails and the rollback fails too: the second is a cause too.
                return new CompletionException(new CompositeException(
                        new IllegalStateException("work failed"), ClosedConnectionException.INSTANCE));
            case "lost-in-a-suppressed-exception": {
                RuntimeException failure = new RuntimeException("statement failed");
                failure.addSuppressed(new ConnectException("Connection refused"));
                return failure;
            }
            case "lost-twelve-causes-deep": {
                Throwable failure = new ConnectException("Connection refused");
                for (int i = 0; i < 12; i++) {
                    failure = new RuntimeException("wrapped " + i, failure);
                }
                return failure;
            }
            default:
                return new IllegalArgumentException("unknown shape");
        }
    }
}
