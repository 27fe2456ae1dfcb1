package org.toxgrade.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirException;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.ingest.IngestError;
import org.toxgrade.security.IdHasher;

/**
 * Understands what an EHR sent to a notification endpoint and acts on it. Notifications are hints: servers
 * retry for a short while only, may reorder and duplicate, and some say nothing of what changed; the resource
 * versions dedupe, and catch-up by {@code _lastUpdated} covers what a notification does not.
 * <ul>
 * <li>empty body (an R4 rest-hook without payload): catch up;</li>
 * <li>a resource (rest-hook with payload, POSTed or PUT to {@code endpoint/[type]/[id]}): store it;</li>
 * <li>a resource with no content but its id (id-only): read it from the EHR and store it;</li>
 * <li>a {@code history} Bundle whose first entry is a SubscriptionStatus {@code Parameters} (Subscriptions R5
 * Backport for R4): handshake, heartbeat, event-notification; the running event count is compared with the last
 * seen, a gap means missed events (catch up); full resources are stored, id-only entries and focus references
 * read from the EHR, an empty event-notification catches up;</li>
 * <li>another Bundle: its resources stored, entries naming a resource by URL read.</li>
 * </ul>
 */
@ApplicationScoped
public class NotificationHandler {

    private static final Logger LOG = Logger.getLogger(NotificationHandler.class);
    private static final Set<String> ENVELOPE = Set.of("resourceType", "id", "meta");

    private final ObjectMapper mapper;
    private final EhrIngest ingest;
    private final CatchUp catchUp;
    private final SubscriptionStateStore state;
    private final IdHasher ids;
    private final MeterRegistry metrics;

    public NotificationHandler(ObjectMapper mapper, EhrIngest ingest, CatchUp catchUp, SubscriptionStateStore state,
            IdHasher ids, MeterRegistry metrics) {
        this.metrics = metrics;
        this.mapper = mapper;
        this.ingest = ingest;
        this.catchUp = catchUp;
        this.state = state;
        this.ids = ids;
    }

    /** A notification POSTed to the endpoint, or PUT to {@code endpoint/[type]/[id]} ({@code urlType}, {@code urlId}). */
    public Uni<Notification> handle(EhrSource source, String body, String urlType, String urlId) {
        return understood(source, body, urlType, urlId).call(n -> recorded(source, n));
    }

    /** A deletion on the EHR: acknowledged and logged, nothing removed here. */
    public Uni<Notification> deleted(EhrSource source, String type, String id) {
        LOG.infof("Source %s deleted %s; kept here (retraction is by entered-in-error)", source.name(),
                ids.ref(type, id));
        return recorded(source, new Notification("delete", 0, 0, false, false));
    }

    private Uni<Notification> understood(EhrSource source, String body, String urlType, String urlId) {
        if (body == null || body.isBlank()) {
            if (urlType != null) {
                return read(source, urlType, urlId, false)
                        .map(stored -> done("id-only", stored ? 1 : 0, stored ? 0 : 1));
            }
            catchUp.request(source.name());
            return Uni.createFrom().item(new Notification("empty", 0, 0, false, true));
        }
        JsonNode tree = parse(body);
        if (tree.path("resourceType").asText("").equals("Bundle")) {
            if (urlType != null) {
                throw SubscriptionError.BUNDLE_PUT_TO_RESOURCE_URL.refuse();
            }
            return isTopicNotification(tree) ? topic(source, tree) : bundle(source, tree);
        }
        return resource(source, tree, body, urlType, urlId);
    }

    /**
     * Shared with the other replicas ({@code subscription_source}) and counted:
     * {@code toxgrade_subscription_notifications_total{source,kind}}, {@code toxgrade_subscription_gaps_total{source}}.
     */
    private Uni<Notification> recorded(EhrSource source, Notification notification) {
        metrics.counter("toxgrade.subscription.notifications", "source", source.name(), "kind", notification.kind())
                .increment();
        if (notification.gap()) {
            metrics.counter("toxgrade.subscription.gaps", "source", source.name()).increment();
        }
        return state.notificationReceived(source.name(), notification.kind()).replaceWith(notification);
    }

    private Uni<Notification> resource(EhrSource source, JsonNode tree, String body, String urlType, String urlId) {
        String type = tree.path("resourceType").asText();
        String id = urlId != null ? urlId : tree.path("id").asText("");
        if (urlType != null && !urlType.equals(type)) {
            throw IngestError.BODY_TYPE_MISMATCH.refuseAt("resourceType", type, urlType);
        }
        if (id.isEmpty()) {
            throw SubscriptionError.NOTIFIED_RESOURCE_WITHOUT_ID.refuseAt("id");
        }
        if (isIdOnly(tree)) {
            return read(source, type, id, false).map(stored -> done("id-only", stored ? 1 : 0, stored ? 0 : 1));
        }
        // One resource: stored exactly like a sender's PUT, refusals answered as such.
        return ingest.put(source.name(), type, id, body).map(outcome -> done("resource", 1, 0));
    }

    private Uni<Notification> bundle(EhrSource source, JsonNode tree) {
        List<JsonNode> entries = new ArrayList<>();
        tree.path("entry").forEach(entries::add);
        return entries(source, entries, Set.of()).map(counts -> {
            if (counts[0] + counts[1] == 0) {
                catchUp.request(source.name());
                return new Notification("bundle", 0, 0, false, true);
            }
            return done("bundle", counts[0], counts[1]);
        });
    }

    static boolean isTopicNotification(JsonNode bundle) {
        JsonNode first = bundle.path("entry").path(0).path("resource");
        return "Parameters".equals(first.path("resourceType").asText()) || "SubscriptionStatus".equals(
                first.path("resourceType").asText());
    }

    private Uni<Notification> topic(EhrSource source, JsonNode bundle) {
        JsonNode status = bundle.path("entry").path(0).path("resource");
        String type = parameter(status, "type").map(v -> v.asText()).orElse("event-notification");
        if (!Notification.topicTypes().contains(type)) {
            throw SubscriptionError.UNKNOWN_NOTIFICATION_TYPE.refuseAt("Parameters.parameter", type);
        }
        String subscription = parameter(status, "subscription").map(v -> v.path("reference").asText(v.asText()))
                .filter(s -> !s.isBlank()).orElse("(unnamed)");
        Long eventsSince = parameter(status, "events-since-subscription-start").map(v -> parseLong(v.asText()))
                .orElse(null);
        List<Long> eventNumbers = new ArrayList<>();
        Set<String> focus = new LinkedHashSet<>();
        for (JsonNode parameter : status.path("parameter")) {
            if ("notification-event".equals(parameter.path("name").asText())) {
                for (JsonNode part : parameter.path("part")) {
                    switch (part.path("name").asText()) {
                        case "event-number" -> {
                            Long n = parseLong(value(part).asText());
                            if (n != null) {
                                eventNumbers.add(n);
                            }
                        }
                        case "focus" -> {
                            String reference = value(part).path("reference").asText("");
                            if (!reference.isEmpty()) {
                                focus.add(reference);
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        List<JsonNode> entries = new ArrayList<>();
        Iterator<JsonNode> all = bundle.path("entry").iterator();
        all.next();
        all.forEachRemaining(entries::add);

        Uni<Boolean> gap = gap(source, type, subscription, eventsSince, eventNumbers, entries.size());
        if (!type.equals("event-notification")) {
            return gap.map(missed -> new Notification(type, 0, 0, missed, missed));
        }
        return gap.chain(missed -> entries(source, entries, focus).map(counts -> {
            boolean saysNothing = counts[0] + counts[1] == 0;
            if (saysNothing && !missed) {
                catchUp.request(source.name()); // content "empty": the notification does not say what changed
            }
            return new Notification(type, counts[0], counts[1], missed, missed || saysNothing);
        }));
    }

    /** Compares the running event count with the last seen; a gap is recorded and caught up. */
    private Uni<Boolean> gap(EhrSource source, String type, String subscription, Long eventsSince, List<Long> numbers,
            int entries) {
        if (type.startsWith("query-")) {
            return Uni.createFrom().item(false);
        }
        boolean handshake = type.equals("handshake");
        long highest = numbers.stream().mapToLong(Long::longValue).max()
                .orElse(eventsSince == null ? -1 : eventsSince);
        if (eventsSince != null) {
            highest = Math.max(highest, eventsSince);
        }
        if (highest < 0) {
            return Uni.createFrom().item(false); // nothing to count with (an older server): rely on catch-up
        }
        long events = type.equals("event-notification")
                ? Math.max(1, numbers.isEmpty()
                        ? Math.max(entries, 1)
                        : numbers.size())
                : 0;
        long lowest = numbers.stream().mapToLong(Long::longValue).min().orElse(highest - events + 1);
        long count = highest;
        return state.topicEvents(source.name(), subscription, count, handshake).chain(before -> {
            boolean missed;
            if (handshake) {
                missed = false;
            } else if (type.equals("heartbeat")) {
                missed = before < 0 ? count > 0 : count > before;
            } else {
                missed = before < 0 ? lowest > 1 : lowest > before + 1;
            }
            if (!missed) {
                return Uni.createFrom().item(false);
            }
            LOG.warn(SubscriptionError.EVENTS_MISSED.message(source.name(), type, before, lowest, count));
            catchUp.request(source.name());
            return state.gapSeen(source.name()).replaceWith(true);
        });
    }

    /** Stores full resources, reads resources named by id; answers {stored, refused}. */
    private Uni<int[]> entries(EhrSource source, List<JsonNode> entries, Set<String> focus) {
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Set<String> done = new LinkedHashSet<>();
        List<Uni<Void>> work = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode resource = entry.path("resource");
            if (resource.isObject() && !isIdOnly(resource)) {
                String type = resource.path("resourceType").asText();
                String id = resource.path("id").asText("");
                if (id.isEmpty()) {
                    refused.incrementAndGet();
                    continue;
                }
                done.add(type + "/" + id);
                work.add(Uni.createFrom()
                        .deferred(() -> ingest.putTolerant(source.name(), type, id, resource.toString()))
                        .invoke(ok -> count(ok, stored, refused)).replaceWithVoid());
            } else {
                String reference = resource.isObject()
                        ? resource.path("resourceType").asText() + "/" + resource.path("id").asText()
                        : entry.path("fullUrl").asText(entry.path("request").path("url").asText(""));
                addReference(reference, done, work, source, stored, refused);
            }
        }
        for (String reference : focus) {
            addReference(reference, done, work, source, stored, refused);
        }
        // One after the other: each write is its own transaction on this context.
        return Multi.createFrom().iterable(work).onItem().transformToUniAndConcatenate(u -> u).collect().last()
                .map(ignored -> new int[]{stored.get(), refused.get()});
    }

    private void addReference(String reference, Set<String> done, List<Uni<Void>> work, EhrSource source,
            AtomicInteger stored, AtomicInteger refused) {
        String[] typeAndId = typeAndId(reference);
        if (typeAndId == null || !done.add(typeAndId[0] + "/" + typeAndId[1])) {
            return;
        }
        work.add(Uni.createFrom().deferred(() -> read(source, typeAndId[0], typeAndId[1], true))
                .invoke(ok -> count(ok, stored, refused)).replaceWithVoid());
    }

    private static void count(boolean ok, AtomicInteger stored, AtomicInteger refused) {
        (ok ? stored : refused).incrementAndGet();
    }

    /** Reads a resource from the EHR and stores it; false when the EHR no longer has it or the service refuses it. */
    private Uni<Boolean> read(EhrSource source, String type, String id, boolean tolerant) {
        return source.client().request(HttpMethod.GET, type + "/" + id, null)
                .onFailure().transform(failure -> unreachable(source, failure.getClass().getSimpleName()))
                .chain(response -> {
                    if (response.status() == 404 || response.status() == 410) {
                        LOG.infof("Notified %s is gone from source %s (%d)", ids.ref(type, id), source.name(),
                                response.status());
                        return Uni.createFrom().item(false);
                    }
                    if (!response.ok()) {
                        throw unreachable(source, "status " + response.status());
                    }
                    return tolerant
                            ? ingest.putTolerant(source.name(), type, id, response.body())
                            : ingest.put(source.name(), type, id, response.body()).map(outcome -> true);
                });
    }

    private FhirException unreachable(EhrSource source, String why) {
        catchUp.request(source.name());
        return SubscriptionError.NOTIFIED_RESOURCE_NOT_READ.refuse(why);
    }

    private static Notification done(String kind, int stored, int refused) {
        return new Notification(kind, stored, refused, false, false);
    }

    /** {@code Observation/1}, {@code [base]/Observation/1}, {@code .../Observation/1/_history/2}: type and id. */
    static String[] typeAndId(String reference) {
        if (reference == null || reference.isBlank() || reference.startsWith("urn:") || reference.startsWith("#")) {
            return null;
        }
        String path = reference.replaceFirst("/_history/[^/]*$", "");
        String[] parts = path.split("/");
        if (parts.length < 2) {
            return null;
        }
        String type = parts[parts.length - 2];
        String id = parts[parts.length - 1];
        if (!type.matches("[A-Z][A-Za-z]+") || !FhirIds.isValid(id)) {
            return null;
        }
        return new String[]{type, id};
    }

    static boolean isIdOnly(JsonNode resource) {
        Iterator<String> names = resource.fieldNames();
        while (names.hasNext()) {
            if (!ENVELOPE.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<JsonNode> parameter(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters.path("parameter")) {
            if (name.equals(parameter.path("name").asText())) {
                return Optional.of(value(parameter));
            }
        }
        return Optional.empty();
    }

    /** The {@code value[x]} of a parameter or part, whatever its type. */
    private static JsonNode value(JsonNode parameter) {
        Iterator<String> names = parameter.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("value")) {
                return parameter.get(name);
            }
        }
        return MissingNode.getInstance();
    }

    private static Long parseLong(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject() || !tree.path("resourceType").isTextual()) {
                throw SubscriptionError.NOTIFICATION_NOT_FHIR_JSON.refuse("neither empty nor a FHIR resource in JSON");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw SubscriptionError.NOTIFICATION_NOT_FHIR_JSON.refuse("not well-formed JSON");
        }
    }
}
