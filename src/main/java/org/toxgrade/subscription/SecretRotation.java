package org.toxgrade.subscription;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Rotates a source's channel secret, on demand ({@code POST /ops/subscriptions/{source}/rotate-secret}) and every
 * {@code secret-rotation.interval}. The secret travels in {@code channel.header}, which anyone who may read
 * Subscriptions on the EHR can read; rotating bounds how long a copy is good for. No notification is lost:
 * <ol>
 * <li>the next generation becomes current and the one before stays accepted;</li>
 * <li>the source's Subscriptions are rewritten with the new header (the registrar's repair);</li>
 * <li>only once they all were, the old generation's acceptance ends after {@code secret-rotation.overlap}
 * (deliveries already queued on the EHR carry the old header). If the EHR could not be reached, the old one stays
 * accepted and the hourly run tries the rewrite again. Anything refused after that is read by catch-up.</li>
 * </ol>
 * Sources whose Subscriptions the EHR's administrators keep ({@code register=false}) are not rotated here.
 */
@ApplicationScoped
public class SecretRotation {

    private static final Logger LOG = Logger.getLogger(SecretRotation.class);
    private static final Set<String> SETTLED = Set.of("requested", "active");

    private final SubscriptionStateStore state;
    private final ChannelSecrets secrets;
    private final SubscriptionRegistrar registrar;
    private final Sources sources;
    private final SubscriptionSettings.SecretRotation config;

    public SecretRotation(SubscriptionStateStore state, ChannelSecrets secrets, SubscriptionRegistrar registrar,
            Sources sources, SubscriptionSettings settings) {
        this.state = state;
        this.secrets = secrets;
        this.registrar = registrar;
        this.sources = sources;
        this.config = settings.secretRotation();
    }

    /** The outcome of a rotation: the generation now current, and until when the previous one is accepted. */
    public record Rotation(String source, int generation, boolean subscriptionsRewritten, Instant previousAcceptedUntil,
            List<SubscriptionRegistrar.Check> checks) {
    }

    public Uni<Rotation> rotate(EhrSource source) {
        if (source.secret().isEmpty()) {
            throw SubscriptionError.NOTHING_TO_ROTATE.refuse(source.name(), "no channel secret is configured");
        }
        if (!source.register()) {
            throw SubscriptionError.NOTHING_TO_ROTATE.refuse(source.name(),
                    "its Subscriptions are kept by the EHR's administrators (register=false)");
        }
        return state.rotateSecret(source.name()).chain(rotated -> secrets.refresh(source.name()))
                .chain(rotated -> finish(source, rotated.generation()))
                .invoke(rotation -> LOG.infof("Channel secret of source %s rotated to generation %d; %s",
                        source.name(), rotation.generation(), rotation.subscriptionsRewritten()
                                ? "the previous one is accepted until " + rotation.previousAcceptedUntil()
                                : "the EHR's Subscriptions are not all rewritten yet: the previous one stays accepted"));
    }

    /** Rewrites the Subscriptions; once all carry the new header, the old generation's overlap starts running out. */
    private Uni<Rotation> finish(EhrSource source, int generation) {
        return registrar.check(source).chain(checks -> {
            boolean rewritten = !checks.isEmpty() && checks.stream().allMatch(c -> SETTLED.contains(c.status()));
            if (!rewritten) {
                return Uni.createFrom().item(new Rotation(source.name(), generation, false, null, checks));
            }
            Instant until = Instant.now().plus(config.overlap());
            return state.overlapEnds(source.name(), generation, until).chain(() -> secrets.refresh(source.name()))
                    .map(refreshed -> new Rotation(source.name(), generation, true, until, checks));
        });
    }

    /** Due rotations, and rotations whose rewrite of the Subscriptions is still to be done. */
    @Scheduled(identity = "toxgrade-secret-rotation", every = "${toxgrade.subscription.secret-rotation.check-every:1h}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Multi.createFrom().iterable(sources.all())
                .filter(source -> source.secret().isPresent() && source.register())
                .onItem().transformToUniAndConcatenate(source -> state.secrets(source.name()).chain(current -> {
                    if (current.previousGeneration() != null && current.previousUntil() == null) {
                        return finish(source, current.generation()).replaceWithVoid();
                    }
                    if (current.rotatedAt() == null) {
                        return state.secretSeen(source.name());
                    }
                    if (!config.interval().isZero()
                            && current.rotatedAt().plus(config.interval()).isBefore(Instant.now())) {
                        return rotate(source).replaceWithVoid();
                    }
                    return Uni.createFrom().voidItem();
                }).onFailure().invoke(f -> LOG.warnf("Rotating the channel secret of source %s failed: %s",
                        source.name(), f.getClass().getSimpleName())).onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
