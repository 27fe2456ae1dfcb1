package org.toxgrade.subscription.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.toxgrade.security.CurrentCaller;
import org.toxgrade.security.GrantedScopes;
import org.toxgrade.subscription.CatchUp;
import org.toxgrade.subscription.EhrSource;
import org.toxgrade.subscription.NotificationInbox;
import org.toxgrade.subscription.SecretRotation;
import org.toxgrade.subscription.Sources;
import org.toxgrade.subscription.SubscriptionError;
import org.toxgrade.subscription.SubscriptionRegistrar;
import org.toxgrade.subscription.SubscriptionSettings;
import org.toxgrade.subscription.SubscriptionStateStore;

/**
 * Operator view of receiving from the EHRs (scope {@code toxgrade/operator}), plain JSON.
 * <ul>
 * <li>{@code GET /ops/subscriptions}: per source its Subscriptions as last checked, last notification, last
 * catch-up, watermark and gaps seen;</li>
 * <li>{@code POST /ops/subscriptions/{source}/check}: check and repair the source's Subscriptions now;</li>
 * <li>{@code POST /ops/subscriptions/{source}/catch-up}: a catch-up of the source now;</li>
 * <li>{@code GET /ops/subscriptions/refusals[?source=&_count=]}: the latest notifications whose content could not
 * be taken (or that ran out of attempts), newest first, with what was received;</li>
 * <li>{@code POST /ops/subscriptions/{source}/rotate-secret}: rotate the source's channel secret now;</li>
 * <li>{@code GET /ops/subscriptions/inbox/{id}}: one received notification and what became of it.</li>
 * </ul>
 */
@Path("/ops/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionStatusResource {

    private final CurrentCaller caller;
    private final Sources sources;
    private final SubscriptionStateStore state;
    private final SubscriptionRegistrar registrar;
    private final CatchUp catchUp;
    private final SubscriptionSettings config;
    private final NotificationInbox inbox;
    private final SecretRotation rotation;

    public SubscriptionStatusResource(CurrentCaller caller, Sources sources, SubscriptionStateStore state,
            SubscriptionRegistrar registrar, CatchUp catchUp, SubscriptionSettings config, NotificationInbox inbox,
            SecretRotation rotation) {
        this.inbox = inbox;
        this.rotation = rotation;
        this.caller = caller;
        this.sources = sources;
        this.state = state;
        this.registrar = registrar;
        this.catchUp = catchUp;
        this.config = config;
    }

    /** The answer of {@code GET /ops/subscriptions}. */
    public record Status(boolean enabled, List<SourceView> sources) {
    }

    /** One source as operators see it. */
    public record SourceView(String name, String ehr, String endpoint, boolean secretConfigured,
            List<SubscriptionStateStore.Registration> subscriptions, Instant lastNotificationAt,
            String lastNotificationKind, long notifications, Instant lastCatchUpAt, String lastCatchUpOutcome,
            Integer lastCatchUpRead, Instant watermark, long gapsSeen, Instant lastGapAt,
            NotificationInbox.Counts inbox, SubscriptionStateStore.SecretState channelSecret) {
    }

    /** The answer of {@code GET /ops/subscriptions/refusals}. */
    public record Refusals(List<NotificationInbox.Entry> refusals) {
    }

    @GET
    @Path("refusals")
    public Uni<Refusals> refusals(@QueryParam("source") String source,
            @QueryParam("_count") @DefaultValue("50") int count) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return inbox.refusals(source, Math.max(1, Math.min(count, 500))).map(Refusals::new);
    }

    @GET
    @Path("inbox/{id: \\d{1,18}}")
    public Uni<NotificationInbox.Entry> entry(@PathParam("id") long id) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return inbox.entry(id).map(found -> found.orElseThrow(() -> SubscriptionError.NO_INBOX_ENTRY.refuse(id)));
    }

    @GET
    public Uni<Status> status() {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return Multi.createFrom().iterable(sources.all())
                .onItem().transformToUniAndConcatenate(this::view)
                .collect().asList()
                .map(views -> new Status(config.enabled(), views));
    }

    @POST
    @Path("{source}/check")
    public Uni<List<SubscriptionRegistrar.Check>> check(@PathParam("source") String name) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return registrar.check(source(name));
    }

    /** Rotates the source's channel secret now ({@link SecretRotation}). */
    @POST
    @Path("{source}/rotate-secret")
    public Uni<SecretRotation.Rotation> rotateSecret(@PathParam("source") String name) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return rotation.rotate(source(name));
    }

    @POST
    @Path("{source}/catch-up")
    public Uni<CatchUp.Result> catchUp(@PathParam("source") String name) {
        caller.get().requireServiceScope(GrantedScopes.OPERATOR);
        return catchUp.run(source(name));
    }

    private EhrSource source(String name) {
        return sources.named(name).orElseThrow(SubscriptionError.UNKNOWN_SOURCE::refuse);
    }

    private Uni<SourceView> view(EhrSource source) {
        return state.source(source.name())
                .chain(row -> state.registrations(source.name()).map(registrations -> new SourceView(source.name(),
                        origin(source.baseUrl()), registrar.endpoint(source).orElse(null),
                        source.secret().isPresent(), registrations, row.lastNotificationAt(),
                        row.lastNotificationKind(),
                        row.notifications(), row.lastCatchUpAt(), row.lastCatchUpOutcome(), row.lastCatchUpRead(),
                        row.watermark(), row.gapsSeen(), row.lastGapAt(), null, null)))
                .chain(view -> inbox.counts(source.name()).chain(counts -> state.secrets(source.name())
                        .map(secrets -> with(view, counts, secrets))));
    }

    private static SourceView with(SourceView v, NotificationInbox.Counts counts,
            SubscriptionStateStore.SecretState secrets) {
        return new SourceView(v.name(), v.ehr(), v.endpoint(), v.secretConfigured(), v.subscriptions(),
                v.lastNotificationAt(), v.lastNotificationKind(), v.notifications(), v.lastCatchUpAt(),
                v.lastCatchUpOutcome(), v.lastCatchUpRead(), v.watermark(), v.gapsSeen(), v.lastGapAt(), counts,
                secrets);
    }

    /** Scheme, host and port: paths may name tenants. */
    private static String origin(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "(configured)";
        }
    }
}
