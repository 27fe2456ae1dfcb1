package org.toxgrade.subscription;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The channel secret of each source as it stands now: the generation in use and, for a while after a rotation, the
 * one before. The secrets themselves are never stored: generation 0 is the configured secret, generation n is
 * derived from it ({@code HMAC-SHA256(configured, "toxgrade-channel-secret:" + source + ":" + n)}, base64url), so all
 * replicas agree. Generations are read from {@code subscription_source} every few seconds and after a rotation here.
 */
@ApplicationScoped
public class ChannelSecrets {

    private final SubscriptionStateStore state;
    private final Sources sources;
    private final Map<String, SubscriptionStateStore.SecretState> known = new ConcurrentHashMap<>();

    public ChannelSecrets(SubscriptionStateStore state, Sources sources) {
        this.state = state;
        this.sources = sources;
    }

    /** The source with the secret of its current generation (what its Subscriptions must carry). */
    public EhrSource current(EhrSource source) {
        SubscriptionStateStore.SecretState secrets = known.get(source.name());
        return secrets == null || secrets.generation() == 0
                ? source
                : source.withSecret(source.secret().map(s -> derive(s, source.name(), secrets.generation())));
    }

    /**
     * Whether a notification's header value proves the sender is the source's EHR: the current generation, or the
     * previous one until its overlap ends (compared in constant time).
     */
    public boolean accepts(EhrSource source, String headerValue) {
        if (source.secret().isEmpty()) {
            return false;
        }
        SubscriptionStateStore.SecretState secrets = known.getOrDefault(source.name(),
                SubscriptionStateStore.SecretState.INITIAL);
        if (matches(source, secrets.generation(), headerValue)) {
            return true;
        }
        Integer previous = secrets.previousGeneration();
        boolean overlapping = previous != null
                && (secrets.previousUntil() == null || Instant.now().isBefore(secrets.previousUntil()));
        return overlapping && matches(source, previous, headerValue);
    }

    private static boolean matches(EhrSource source, int generation, String headerValue) {
        String secret = derive(source.secret().orElseThrow(), source.name(), generation);
        return source.withSecret(Optional.of(secret)).expectedHeaderValue()
                .map(expected -> NotificationSecret.matches(headerValue, expected)).orElse(false);
    }

    /** Generation {@code n} of a configured secret for a source. */
    static String derive(String configured, String source, int generation) {
        if (generation == 0) {
            return configured;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived = mac.doFinal(("toxgrade-channel-secret:" + source + ":" + generation)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /**
     * Makes sure the source's generations have been read since start-up (at once when they have): before that,
     * a notification carrying a rotated secret would be refused, and a Subscription check would write generation 0
     * back onto the EHR.
     */
    public Uni<Void> loaded(String source) {
        if (known.containsKey(source) || sources.named(source).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return refresh(source).replaceWithVoid();
    }

    /** Reads every source's generations again (another replica may have rotated). */
    @Scheduled(identity = "toxgrade-channel-secrets", every = "5s", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return Multi.createFrom().iterable(sources.all()).onItem()
                .transformToUniAndConcatenate(source -> refresh(source.name())).collect().last().replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    Uni<SubscriptionStateStore.SecretState> refresh(String source) {
        return state.secrets(source).invoke(secrets -> known.put(source, secrets));
    }
}
