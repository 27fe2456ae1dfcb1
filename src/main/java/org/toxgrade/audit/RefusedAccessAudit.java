package org.toxgrade.audit;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.toxgrade.security.BearerTokenFilter;
import org.toxgrade.security.Caller;
import org.toxgrade.security.GrantedScopes;

/**
 * Records refused access (401, 403) in the audit trail, as the audit standard expects of a system
 * holding patient data: who (the client the token names, or {@code unauthenticated} when there
 * was no valid token), what (the interaction and resource type), when and the outcome. Never the
 * resource id, a query or a body: those may name a patient. Written after the answer has been
 * sent, in a transaction of its own, so a refusal is never delayed by it.
 */
@ApplicationScoped
public class RefusedAccessAudit {

    private static final Logger LOG = Logger.getLogger(RefusedAccessAudit.class);
    /** Before the bearer-token check: its refusals end the request without passing it on. */
    private static final int PRIORITY = 200;
    private static final Pattern FHIR_TYPE = Pattern.compile("^/fhir/([A-Z][A-Za-z]+)(/[^/]+)?");

    private final Pool pool;
    private final AuditTrail trail;

    public RefusedAccessAudit(Pool pool, AuditTrail trail) {
        this.pool = pool;
        this.trail = trail;
    }

    void register(@Observes Filters filters) {
        filters.register(this::watch, PRIORITY);
    }

    void watch(RoutingContext ctx) {
        ctx.addEndHandler(ended -> {
            int status = ctx.response().getStatusCode();
            if (status == 401 || status == 403) {
                record(ctx, status);
            }
        });
        ctx.next();
    }

    private void record(RoutingContext ctx, int status) {
        Object known = ctx.get(BearerTokenFilter.CALLER);
        Caller caller = known instanceof Caller c ? c : new Caller("unauthenticated", GrantedScopes.parse(""), false);
        Matcher fhir = FHIR_TYPE.matcher(ctx.normalizedPath());
        String type = fhir.find() ? fhir.group(1) : null;
        boolean oneResource = type != null && fhir.group(2) != null;
        String method = ctx.request().method().name();
        AuditTrail.Entry entry = switch (method) {
            case "POST" -> new AuditTrail.Entry(AuditTrail.Action.C, "create", type, null, null, status);
            case "PUT" -> new AuditTrail.Entry(AuditTrail.Action.U, "update", type, null, null, status);
            case "GET" -> new AuditTrail.Entry(AuditTrail.Action.R, oneResource ? "read" : "search", type, null, null,
                    status);
            default -> new AuditTrail.Entry(AuditTrail.Action.E, method.toLowerCase(), type, null, null, status);
        };
        pool.withTransaction(connection -> trail.recordAll(connection, caller, List.of(entry))).subscribe().with(
                done -> {
                },
                failure -> LOG.warnf("Refused access not audited (%s)", failure.getClass().getName()));
    }
}
