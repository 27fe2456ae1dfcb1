package org.toxgrade.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.toxgrade.ehr.EhrResponse;
import org.toxgrade.fhir.Hashes;

/**
 * Keeps this service's R4 rest-hook Subscriptions on each EHR: one per criteria, with the notification endpoint,
 * the secret in {@code channel.header} and the payload as configured. Idempotent across restarts and replicas:
 * each Subscription has an id derived from source and criteria ({@code PUT Subscription/[id]}, so two replicas
 * write the same resource) and carries the tag {@link #TAG_SYSTEM}|source, by which it is found on servers that
 * assign their own ids. A Subscription the EHR set to {@code error} or {@code off}, or whose channel differs, is
 * put back to {@code requested} (the EHR activates it).
 */
@ApplicationScoped
public class SubscriptionRegistrar {

    /** Tag system of the Subscriptions this service owns; the code is the source name. */
    public static final String TAG_SYSTEM = "http://toxgrade.org/fhir/CodeSystem/subscription-owner";
    static final String REASON = "ToxGrade: grading of CRS and ICANS after CAR-T therapy";
    private static final Logger LOG = Logger.getLogger(SubscriptionRegistrar.class);

    private final SubscriptionSettings config;
    private final Sources sources;
    private final SubscriptionStateStore state;
    private final ObjectMapper mapper;

    private final Vertx vertx;
    private final ChannelSecrets secrets;

    public SubscriptionRegistrar(SubscriptionSettings config, Sources sources, SubscriptionStateStore state,
            ObjectMapper mapper, Vertx vertx, ChannelSecrets secrets) {
        this.vertx = vertx;
        this.secrets = secrets;
        this.config = config;
        this.sources = sources;
        this.state = state;
        this.mapper = mapper;
    }

    /** The outcome of checking one Subscription. */
    public record Check(String source, String criteria, String subscriptionId, String status, String action) {

        /** Whether the Subscription was created or repaired; otherwise it is unchanged or the action is a code. */
        boolean changed() {
            return action.startsWith("created") || action.startsWith("repaired");
        }
    }

    @Scheduled(identity = "toxgrade-subscription-check", every = "${toxgrade.subscription.check-interval:10m}",
            delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return checkAll().replaceWithVoid();
    }

    public Uni<List<Check>> checkAll() {
        return Multi.createFrom().iterable(sources.all())
                .onItem().transformToMultiAndConcatenate(source -> check(source).toMulti()
                        .onItem().transformToIterable(list -> list))
                .collect().asList();
    }

    /** Checks (and creates or repairs) every Subscription of one source. */
    public Uni<List<Check>> check(EhrSource configured) {
        return secrets.loaded(configured.name()).chain(() -> {
            EhrSource source = secrets.current(configured);
            Optional<String> endpoint = endpoint(source);
            if (!source.register() || endpoint.isEmpty() || source.expectedHeaderValue().isEmpty()) {
                return Uni.createFrom().item(List.<Check>of());
            }
            return checkCriteria(source, endpoint.get()).invoke(checks -> recheckIfRequested(configured, checks, 0));
        });
    }

    private Uni<List<Check>> checkCriteria(EhrSource source, String endpoint) {
        return Multi.createFrom().iterable(source.criteria())
                .onItem().transformToUniAndConcatenate(criteria -> checkOne(source, criteria, endpoint)
                        .onFailure().recoverWithItem(failure -> new Check(source.name(), criteria, null, "unreachable",
                                SubscriptionError.SUBSCRIPTION_CHECK_FAILED
                                        .message(failure.getClass().getSimpleName())))
                        .call(check -> state.registrationChecked(source.name(), criteria, check.subscriptionId(),
                                check.status(), check.action(), check.changed()))
                        .invoke(check -> log(check)))
                .collect().asList();
    }

    /**
     * A Subscription just created or repaired is {@code requested} until the EHR activates it, which takes seconds;
     * waiting for the next check ({@code check-interval}, 10 minutes) left operators reading "requested" for that
     * long (#19 defect 6). The source is looked at again after each of {@code recheck-after} while any of its
     * Subscriptions is still requested.
     */
    private void recheckIfRequested(EhrSource source, List<Check> checks, int step) {
        List<Duration> steps = config.recheckAfter();
        boolean requested = checks.stream().anyMatch(c -> "requested".equals(c.status()));
        boolean fresh = step > 0 || checks.stream().anyMatch(Check::changed);
        if (!requested || !fresh || step >= steps.size()) {
            return;
        }
        vertx.setTimer(Math.max(1, steps.get(step).toMillis()), ignored -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(none -> recheck(source, step + 1).subscribe().with(done -> {
            }, failure -> LOG.warnf("Re-checking the Subscriptions of source %s failed: %s", source.name(),
                    failure.getClass().getSimpleName())));
        });
    }

    private Uni<Void> recheck(EhrSource configured, int nextStep) {
        EhrSource source = secrets.current(configured);
        Optional<String> endpoint = endpoint(source);
        if (endpoint.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return checkCriteria(source, endpoint.get())
                .invoke(checks -> recheckIfRequested(configured, checks, nextStep)).replaceWithVoid();
    }

    private static void log(Check check) {
        if (check.action().equals("unchanged")) {
            LOG.debugf("Subscription %s on source %s: %s", check.subscriptionId(), check.source(), check.status());
        } else if (check.changed()) {
            LOG.infof("Subscription %s on source %s: %s (%s)", check.subscriptionId(), check.source(), check.action(),
                    check.status());
        } else {
            LOG.warnf("Subscription on source %s could not be checked: %s", check.source(), check.action());
        }
    }

    /** {@code [public-base-url]/notify/[source]}. */
    public Optional<String> endpoint(EhrSource source) {
        return config.publicBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/notify/"
                        + source.name());
    }

    /** The id this service gives the Subscription of a source and criteria (a FHIR id: 64 characters at most). */
    static String idFor(EhrSource source, String criteria) {
        String prefix = "toxgrade-" + source.name() + "-";
        String hash = "-" + Hashes.sha256(criteria).substring(0, 10);
        String type = EhrSource.typeOf(criteria).toLowerCase();
        int room = 64 - prefix.length() - hash.length(); // source names are at most 31 characters: room >= 12
        return prefix + (type.length() > room ? type.substring(0, room) : type) + hash;
    }

    private Uni<Check> checkOne(EhrSource source, String criteria, String endpoint) {
        String id = idFor(source, criteria);
        return source.client().request(HttpMethod.GET, "Subscription/" + id, null).chain(read -> {
            if (read.ok()) {
                return repairIfNeeded(source, criteria, endpoint, tree(read));
            }
            if (read.status() == 404 || read.status() == 410) {
                return findByTag(source, criteria, endpoint).chain(found -> found.isPresent()
                        ? repairIfNeeded(source, criteria, endpoint, found.get())
                        : create(source, criteria, endpoint, id));
            }
            return Uni.createFrom().item(new Check(source.name(), criteria, id, "unreachable",
                    SubscriptionError.SUBSCRIPTION_READ_REFUSED.message(read.status())));
        });
    }

    /** Ours, on a server that gave it an id of its own: same tag, same criteria. */
    private Uni<Optional<JsonNode>> findByTag(EhrSource source, String criteria, String endpoint) {
        String url = "Subscription?_tag=" + URLEncoder.encode(TAG_SYSTEM + "|" + source.name(), StandardCharsets.UTF_8);
        return source.client().request(HttpMethod.GET, url, null).map(response -> {
            if (!response.ok()) {
                return Optional.empty();
            }
            for (JsonNode entry : tree(response).path("entry")) {
                JsonNode subscription = entry.path("resource");
                if ("Subscription".equals(subscription.path("resourceType").asText())
                        && criteria.equals(subscription.path("criteria").asText())
                        && endpoint.equals(subscription.path("channel").path("endpoint").asText())) {
                    return Optional.of(subscription);
                }
            }
            return Optional.empty();
        });
    }

    private Uni<Check> create(EhrSource source, String criteria, String endpoint, String id) {
        ObjectNode desired = desired(source, criteria, endpoint, id);
        return source.client().request(HttpMethod.PUT, "Subscription/" + id, desired.toString()).chain(put -> {
            if (put.ok()) {
                return Uni.createFrom()
                        .item(new Check(source.name(), criteria, id, statusOf(put, "requested"), "created"));
            }
            if (put.status() >= 400 && put.status() < 500 && put.status() != 401 && put.status() != 403) {
                // A server that does not take client-assigned ids: create, it names the resource.
                desired.remove("id");
                return source.client().request(HttpMethod.POST, "Subscription", desired.toString())
                        .map(post -> post.ok()
                                ? new Check(source.name(), criteria, idOf(post), statusOf(post, "requested"), "created")
                                : new Check(source.name(), criteria, null, "refused",
                                        SubscriptionError.SUBSCRIPTION_CREATE_REFUSED.message(post.status())));
            }
            return Uni.createFrom().item(new Check(source.name(), criteria, id, "refused",
                    SubscriptionError.SUBSCRIPTION_CREATE_REFUSED.message(put.status())));
        });
    }

    private Uni<Check> repairIfNeeded(EhrSource source, String criteria, String endpoint, JsonNode current) {
        String id = current.path("id").asText();
        String status = current.path("status").asText();
        String why = whyRepair(source, criteria, endpoint, current);
        if (why == null) {
            return Uni.createFrom().item(new Check(source.name(), criteria, id, status, "unchanged"));
        }
        ObjectNode desired = desired(source, criteria, endpoint, id);
        return source.client().request(HttpMethod.PUT, "Subscription/" + id, desired.toString())
                .map(put -> put.ok()
                        ? new Check(source.name(), criteria, id, statusOf(put, "requested"), "repaired: " + why)
                        : new Check(source.name(), criteria, id, status,
                                SubscriptionError.SUBSCRIPTION_REPAIR_REFUSED.message(why, put.status())));
    }

    /** Null when the Subscription is as it should be. */
    private String whyRepair(EhrSource source, String criteria, String endpoint, JsonNode current) {
        String status = current.path("status").asText();
        if (!status.equals("active") && !status.equals("requested")) {
            return "status was " + (status.isEmpty() ? "missing" : status);
        }
        JsonNode channel = current.path("channel");
        if (!criteria.equals(current.path("criteria").asText()) || !"rest-hook".equals(channel.path("type").asText())
                || !endpoint.equals(channel.path("endpoint").asText())) {
            return "criteria or channel changed";
        }
        String payload = channel.path("payload").asText("");
        boolean wantsPayload = source.payload() == SubscriptionSettings.Payload.FULL_RESOURCE;
        if (wantsPayload != !payload.isEmpty()) {
            return "payload changed";
        }
        // Some servers do not show the headers back; only a header that is shown and differs is repaired.
        if (channel.has("header")) {
            String expected = headerLine(source);
            boolean present = false;
            for (JsonNode header : channel.path("header")) {
                present |= expected.equals(header.asText());
            }
            if (!present) {
                return "secret header changed";
            }
        }
        return null;
    }

    ObjectNode desired(EhrSource source, String criteria, String endpoint, String id) {
        ObjectNode subscription = mapper.createObjectNode().put("resourceType", "Subscription");
        if (id != null) {
            subscription.put("id", id);
        }
        subscription.putObject("meta").putArray("tag").addObject().put("system", TAG_SYSTEM).put("code", source.name());
        subscription.put("status", "requested").put("reason", REASON).put("criteria", criteria);
        ObjectNode channel = subscription.putObject("channel").put("type", "rest-hook").put("endpoint", endpoint);
        if (source.payload() == SubscriptionSettings.Payload.FULL_RESOURCE) {
            channel.put("payload", "application/fhir+json");
        }
        channel.putArray("header").add(headerLine(source));
        return subscription;
    }

    private static String headerLine(EhrSource source) {
        return source.secretHeader() + ": " + source.expectedHeaderValue().orElseThrow();
    }

    private String statusOf(EhrResponse response, String fallback) {
        String status = tree(response).path("status").asText("");
        return status.isEmpty() ? fallback : status;
    }

    private String idOf(EhrResponse response) {
        String id = tree(response).path("id").asText("");
        if (!id.isEmpty()) {
            return id;
        }
        String location = Objects.requireNonNullElse(response.location(), "");
        String[] parts = location.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("Subscription")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    private JsonNode tree(EhrResponse response) {
        try {
            JsonNode node = response.body() == null || response.body().isBlank()
                    ? null
                    : mapper.readTree(response.body());
            return node == null ? mapper.createObjectNode() : node;
        } catch (Exception e) {
            return mapper.createObjectNode();
        }
    }
}
