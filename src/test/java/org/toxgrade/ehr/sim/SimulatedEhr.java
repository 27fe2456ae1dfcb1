package org.toxgrade.ehr.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory FHIR R4 server that behaves like the EHR write-back meets, following the FHIR HTTP
 * spec rather than any one product:
 * <ul>
 * <li>{@code GET [type]?identifier=system|value} (searchset), {@code GET [type]/[id]} with ETag;</li>
 * <li>{@code PUT [type]/[id]} with optional {@code If-Match} (412 on a stale version);</li>
 * <li>{@code POST /} of a {@code transaction} Bundle, all or nothing: conditional update
 * {@code PUT [type]?identifier=...} (create if none, update if one, 412 if several), {@code request.ifMatch}
 * (412 on a stale version), {@code POST} creates; references to entry fullUrls ({@code urn:uuid:})
 * are resolved to the ids assigned; an update with unchanged content keeps the version;</li>
 * <li>{@code meta.versionId} and {@code meta.lastUpdated} kept per resource;</li>
 * <li>{@code POST /auth/token}: a SMART Backend Services token endpoint that records the client assertions;</li>
 * <li>{@code POST [type]} (create, server-assigned id), and a search by {@code _lastUpdated} ({@code ge}/{@code gt}),
 * {@code _tag} and {@code _count}, oldest change first, paged through {@code next} links, the searchset stamped with
 * the server's time in {@code meta.lastUpdated} (as subscription catch-up meets it).</li>
 * </ul>
 * Faults for tests, on {@code /_sim/*}: answer a status to the next N FHIR requests (or only to
 * transactions, {@code on=transaction}), refuse
 * connections for a while (the server socket is really closed), apply the next transaction but
 * answer too late, or edit the target resource (a note) just before the next transaction, or set a resource's
 * {@code status} as the server itself would ({@code /_sim/status?type=Subscription&id=...&status=error}), or
 * reuse the answer of an identical identifier search for some seconds unless the request says
 * {@code Cache-Control: no-cache} ({@code /_sim/search-cache?seconds=60}), as HAPI FHIR JPA does by default.
 * A transaction's {@code POST} entry with {@code request.ifNoneExist} is skipped (200, the existing
 * resource's location, references resolved to it) when one resource carries the identifier.
 */
public final class SimulatedEhr implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String FHIR_JSON = "application/fhir+json";

    private final Vertx vertx;
    private final int port;
    private HttpServer server;
    private int boundPort;

    /** type -> id -> versions (oldest first). */
    private Map<String, Map<String, List<ObjectNode>>> store = new HashMap<>();
    private long nextId = 1;
    private int failCount;
    private int failStatus;
    private boolean failOnlyTransactions;
    private int slowCount;
    private long slowMillis;
    private int concurrentEdits;
    private long searchCacheMillis;
    private final Map<String, CachedSearch> searchCache = new HashMap<>();
    private int tokenRequests;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> assertions = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> tokenForms = new CopyOnWriteArrayList<>();

    private SimulatedEhr(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /** Starts on a free port (0) or the given one. */
    public static SimulatedEhr start(int port) {
        Vertx vertx = Vertx.vertx();
        SimulatedEhr sim = new SimulatedEhr(vertx, port);
        sim.listen(port);
        return sim;
    }

    public String baseUrl() {
        return "http://localhost:" + boundPort;
    }

    public synchronized List<String> assertions() {
        return List.copyOf(assertions);
    }

    public synchronized List<Map<String, String>> tokenForms() {
        return List.copyOf(tokenForms);
    }

    public synchronized int tokenRequests() {
        return tokenRequests;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void listen(int onPort) {
        try {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(onPort)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            boundPort = server.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("simulated EHR cannot listen on " + onPort, e);
        }
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(buffer -> {
            String body = buffer.toString();
            String path = request.path();
            try {
                if (path.startsWith("/_sim/")) {
                    admin(request, path.substring(6));
                } else if (path.equals("/auth/token")) {
                    token(request, body);
                } else if (path.equals("/fhir") || path.startsWith("/fhir/")) {
                    fhir(request, path.substring(5), body);
                } else {
                    answer(request, 404, outcome("not-found", "no such endpoint"));
                }
            } catch (RuntimeException e) {
                answer(request, 500, outcome("exception", e.toString()));
            }
        });
    }

    // ---- test controls ----

    private synchronized void admin(HttpServerRequest request, String action) {
        int count = intParam(request, "count", 1);
        switch (action) {
            case "reset" -> {
                store = new HashMap<>();
                failCount = 0;
                slowCount = 0;
                concurrentEdits = 0;
                searchCacheMillis = 0;
                searchCache.clear();
                requests.clear();
            }
            case "fail" -> {
                failCount = count;
                failStatus = intParam(request, "status", 500);
                failOnlyTransactions = "transaction".equals(request.getParam("on"));
            }
            case "slow" -> {
                slowCount = count;
                slowMillis = intParam(request, "ms", 2000);
            }
            case "concurrent-edit" -> concurrentEdits = count;
            case "search-cache" -> {
                searchCacheMillis = intParam(request, "seconds", 60) * 1000L;
                searchCache.clear();
            }
            case "status" -> {
                List<ObjectNode> versions = store.getOrDefault(request.getParam("type"), Map.of())
                        .get(request.getParam("id"));
                if (versions == null) {
                    answer(request, 404, outcome("not-found", "unknown resource"));
                    return;
                }
                ObjectNode changed = last(versions).deepCopy();
                changed.put("status", request.getParam("status"));
                store(store.get(request.getParam("type")), request.getParam("type"), request.getParam("id"), changed);
            }
            case "down" -> {
                long ms = intParam(request, "ms", 2000);
                request.response().setStatusCode(204).end().onComplete(ignored -> server.close().onComplete(
                        closed -> vertx.setTimer(ms, t -> vertx.createHttpServer().requestHandler(this::handle)
                                .listen(boundPort).onSuccess(s -> server = s))));
                return;
            }
            case "requests" -> {
                ArrayNode list = JSON.createArrayNode();
                requests.forEach(list::add);
                request.response().putHeader("Content-Type", "application/json").end(list.toString());
                return;
            }
            case "resources" -> {
                String type = request.getParam("type");
                ArrayNode list = JSON.createArrayNode();
                store.getOrDefault(type, Map.of()).values().forEach(versions -> list.add(last(versions)));
                request.response().putHeader("Content-Type", "application/json").end(list.toString());
                return;
            }
            default -> {
                answer(request, 404, outcome("not-found", "no such control"));
                return;
            }
        }
        request.response().setStatusCode(204).end();
    }

    // ---- SMART token endpoint ----

    private synchronized void token(HttpServerRequest request, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        tokenForms.add(form);
        if (!"client_credentials".equals(form.get("grant_type"))
                || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(form.get("client_assertion_type"))
                || form.get("client_assertion") == null) {
            request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"invalid_request\"}");
            return;
        }
        assertions.add(form.get("client_assertion"));
        tokenRequests++;
        ObjectNode token = JSON.createObjectNode().put("access_token", "sim-token-" + tokenRequests)
                .put("token_type", "bearer").put("expires_in", 300).put("scope", form.getOrDefault("scope", ""));
        request.response().putHeader("Content-Type", "application/json").end(token.toString());
    }

    // ---- FHIR ----

    private synchronized void fhir(HttpServerRequest request, String path, String body) {
        String line = request.method() + " " + path + (request.query() == null ? "" : "?" + request.query());
        boolean isTransaction = request.method().name().equals("POST") && (path.isEmpty() || path.equals("/"));
        if (failCount > 0 && (isTransaction || !failOnlyTransactions)) {
            failCount--;
            requests.add(line + " -> " + failStatus + " (injected)");
            answer(request, failStatus, outcome(failStatus == 409 ? "conflict" : "transient", "injected failure"));
            return;
        }
        String[] parts = path.isEmpty() || path.equals("/") ? new String[0] : path.substring(1).split("/");
        Answer answer;
        if (request.method().name().equals("POST") && parts.length == 0) {
            answer = transaction(body);
        } else if (request.method().name().equals("GET") && parts.length == 1
                && request.getParam("identifier") == null) {
            answer = searchChanges(parts[0], request);
        } else if (request.method().name().equals("GET") && parts.length == 1) {
            answer = cachedSearch(line, parts[0], request.getParam("identifier"),
                    "no-cache".equalsIgnoreCase(request.getHeader("Cache-Control")));
        } else if (request.method().name().equals("POST") && parts.length == 1) {
            ObjectNode resource = (ObjectNode) parse(body);
            String id = String.valueOf(nextId++);
            ObjectNode stored = store(store.computeIfAbsent(parts[0], t -> new HashMap<>()), parts[0], id, resource);
            request.response().putHeader("Location", baseUrl() + "/fhir/" + parts[0] + "/" + id + "/_history/"
                    + stored.path("meta").path("versionId").asText());
            answer = new Answer(201, stored, stored);
        } else if (request.method().name().equals("GET") && parts.length == 2) {
            List<ObjectNode> versions = store.getOrDefault(parts[0], Map.of()).get(parts[1]);
            answer = versions == null
                    ? new Answer(404, outcome("not-found", "unknown resource"), null)
                    : new Answer(200, last(versions), last(versions));
        } else if (request.method().name().equals("PUT") && parts.length == 2) {
            answer = updateById(parts[0], parts[1], body, request.getHeader("If-Match"));
        } else {
            answer = new Answer(405, outcome("not-supported", "not supported by the simulator"), null);
        }
        requests.add(line + " -> " + answer.status());
        Answer done = answer;
        if (slowCount > 0 && request.method().name().equals("POST") && parts.length == 0) {
            slowCount--;
            vertx.setTimer(slowMillis, t -> send(request, done));
        } else {
            send(request, done);
        }
    }

    private record Answer(int status, JsonNode body, ObjectNode versioned) {
    }

    private void send(HttpServerRequest request, Answer answer) {
        if (answer.versioned() != null) {
            request.response().putHeader("ETag",
                    "W/\"" + answer.versioned().path("meta").path("versionId").asText() + "\"");
        }
        answer(request, answer.status(), answer.body());
    }

    private record CachedSearch(Answer answer, long until) {
    }

    /** An identical search within the cache time gets the first answer again, however the data changed since. */
    private Answer cachedSearch(String line, String type, String identifier, boolean noCache) {
        long now = System.currentTimeMillis();
        CachedSearch cached = searchCache.get(line);
        if (!noCache && cached != null && cached.until() > now) {
            return cached.answer();
        }
        Answer fresh = search(type, identifier);
        if (searchCacheMillis > 0) {
            searchCache.put(line, new CachedSearch(fresh, now + searchCacheMillis));
        }
        return fresh;
    }

    private Answer search(String type, String identifier) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        List<ObjectNode> found = identifier == null ? List.of() : matching(store, type, identifier);
        found.forEach(r -> entries.addObject().put("fullUrl", baseUrl() + "/fhir/" + type + "/" + r.path("id").asText())
                .set("resource", r));
        found.forEach(r -> ((ObjectNode) entries.get(found.indexOf(r))).putObject("search").put("mode", "match"));
        bundle.put("total", found.size());
        return new Answer(200, bundle, null);
    }

    /** {@code _lastUpdated=ge|gt...}, {@code _tag=system|code}, {@code _count}; oldest change first; {@code next} links. */
    private Answer searchChanges(String type, HttpServerRequest request) {
        String since = request.getParam("_lastUpdated");
        String tag = request.getParam("_tag");
        int count = intParam(request, "_count", 50);
        int offset = intParam(request, "_offset", 0);
        List<ObjectNode> found = new ArrayList<>();
        for (List<ObjectNode> versions : store.getOrDefault(type, Map.of()).values()) {
            ObjectNode current = last(versions);
            Instant updated = Instant.parse(current.path("meta").path("lastUpdated").asText());
            if (since != null) {
                boolean strictly = since.startsWith("gt");
                Instant from = Instant.parse(since.replaceFirst("^(ge|gt)", ""));
                if (strictly ? !updated.isAfter(from) : updated.isBefore(from)) {
                    continue;
                }
            }
            if (tag != null) {
                String[] sc = tag.split("\\|", 2);
                boolean tagged = false;
                for (JsonNode t : current.path("meta").path("tag")) {
                    tagged |= t.path("system").asText().equals(sc[0])
                            && t.path("code").asText().equals(sc[sc.length - 1]);
                }
                if (!tagged) {
                    continue;
                }
            }
            found.add(current);
        }
        found.sort(Comparator.comparing(r -> Instant.parse(r.path("meta").path("lastUpdated").asText())));
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putObject("meta").put("lastUpdated", Instant.now().toString());
        bundle.put("total", found.size());
        ArrayNode links = bundle.putArray("link");
        String query = request.query() == null ? "" : request.query().replaceAll("&?_offset=\\d+", "");
        links.addObject().put("relation", "self").put("url", baseUrl() + "/fhir/" + type + "?" + query);
        if (offset + count < found.size()) {
            links.addObject().put("relation", "next")
                    .put("url", baseUrl() + "/fhir/" + type + "?" + query + "&_offset=" + (offset + count));
        }
        ArrayNode entries = bundle.putArray("entry");
        for (ObjectNode r : found.subList(Math.min(offset, found.size()), Math.min(offset + count, found.size()))) {
            ObjectNode entry = entries.addObject().put("fullUrl",
                    baseUrl() + "/fhir/" + type + "/" + r.path("id").asText());
            entry.set("resource", r);
            entry.putObject("search").put("mode", "match");
        }
        return new Answer(200, bundle, null);
    }

    private Answer updateById(String type, String id, String body, String ifMatch) {
        ObjectNode resource = (ObjectNode) parse(body);
        Map<String, List<ObjectNode>> ofType = store.computeIfAbsent(type, t -> new HashMap<>());
        List<ObjectNode> versions = ofType.get(id);
        if (ifMatch != null && (versions == null || !ifMatch.equals(etag(last(versions))))) {
            return new Answer(412, outcome("conflict", "If-Match does not name the current version"), null);
        }
        ObjectNode stored = store(ofType, type, id, resource);
        return new Answer(versions == null ? 201 : 200, stored, stored);
    }

    /** All or nothing: entries are applied to a copy that replaces the store only if every entry succeeds. */
    private Answer transaction(String body) {
        JsonNode bundle = parse(body);
        if (!"Bundle".equals(bundle.path("resourceType").asText())
                || !"transaction".equals(bundle.path("type").asText())) {
            return new Answer(400, outcome("invalid", "not a transaction Bundle"), null);
        }
        Map<String, Map<String, List<ObjectNode>>> work = copy(store);
        if (concurrentEdits > 0) {
            concurrentEdits--;
            editTargets(work, bundle);
            store = copy(work);
        }
        // Pass 1: where each entry goes (ids), so that references to fullUrls can be resolved.
        Map<String, String> resolved = new HashMap<>();
        List<String[]> targets = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            String method = entry.path("request").path("method").asText();
            String url = entry.path("request").path("url").asText();
            String type = url.split("[/?]")[0];
            String id;
            if (method.equals("PUT") && url.contains("?identifier=")) {
                List<ObjectNode> found = matching(work, type, decode(url.substring(url.indexOf("?identifier=") + 12)));
                if (found.size() > 1) {
                    return new Answer(412, outcome("multiple-matches", "several resources match"), null);
                }
                id = found.isEmpty() ? String.valueOf(nextId++) : found.get(0).path("id").asText();
            } else if (method.equals("PUT")) {
                id = url.split("/")[1];
            } else if (method.equals("POST") && entry.path("request").hasNonNull("ifNoneExist")) {
                String condition = entry.path("request").path("ifNoneExist").asText();
                List<ObjectNode> found = matching(work, type,
                        decode(condition.substring(condition.indexOf("identifier=") + 11)));
                if (found.size() > 1) {
                    return new Answer(412, outcome("multiple-matches", "several resources match"), null);
                }
                id = found.isEmpty() ? String.valueOf(nextId++) : found.get(0).path("id").asText();
                if (!found.isEmpty()) {
                    method = "SKIP";
                }
            } else if (method.equals("POST")) {
                id = String.valueOf(nextId++);
            } else {
                return new Answer(400, outcome("not-supported", "only PUT and POST entries"), null);
            }
            targets.add(new String[]{method, type, id});
            if (entry.hasNonNull("fullUrl")) {
                resolved.put(entry.get("fullUrl").asText(), type + "/" + id);
            }
        }
        // Pass 2: apply.
        ObjectNode response = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "transaction-response");
        ArrayNode answers = response.putArray("entry");
        int i = 0;
        for (JsonNode entry : bundle.path("entry")) {
            String[] target = targets.get(i++);
            if (target[0].equals("SKIP")) { // a conditional create that found its resource: nothing written
                List<ObjectNode> there = work.get(target[1]).get(target[2]);
                answers.addObject().putObject("response").put("status", "200 OK")
                        .put("location", target[1] + "/" + target[2] + "/_history/"
                                + last(there).path("meta").path("versionId").asText())
                        .put("etag", etag(last(there)));
                continue;
            }
            ObjectNode resource = (ObjectNode) entry.path("resource").deepCopy();
            if (!target[1].equals(resource.path("resourceType").asText())) {
                return new Answer(400, outcome("invalid", "resource type does not match the request"), null);
            }
            String unresolved = resolveReferences(resource, resolved);
            if (unresolved != null) {
                return new Answer(400, outcome("not-found", "unresolved reference " + unresolved), null);
            }
            Map<String, List<ObjectNode>> ofType = work.computeIfAbsent(target[1], t -> new HashMap<>());
            List<ObjectNode> versions = ofType.get(target[2]);
            String ifMatch = entry.path("request").path("ifMatch").asText(null);
            if (ifMatch != null && (versions == null || !ifMatch.equals(etag(last(versions))))) {
                return new Answer(412, outcome("conflict", "ifMatch does not name the current version"), null);
            }
            if (resource.hasNonNull("id") && !resource.get("id").asText().equals(target[2])) {
                return new Answer(400, outcome("invalid", "resource id does not match the matched resource"), null);
            }
            ObjectNode stored = store(ofType, target[1], target[2], resource);
            boolean created = versions == null;
            answers.addObject().putObject("response")
                    .put("status", created ? "201 Created" : "200 OK")
                    .put("location",
                            target[1] + "/" + target[2] + "/_history/" + stored.path("meta").path("versionId").asText())
                    .put("etag", etag(stored));
        }
        store = work;
        return new Answer(200, response, null);
    }

    /** A person adds a note to the resource the next conditional update targets: a new version, no decision. */
    private void editTargets(Map<String, Map<String, List<ObjectNode>>> work, JsonNode bundle) {
        for (JsonNode entry : bundle.path("entry")) {
            String url = entry.path("request").path("url").asText();
            if (url.contains("?identifier=")) {
                String type = url.split("\\?")[0];
                for (ObjectNode current : matching(work, type,
                        decode(url.substring(url.indexOf("?identifier=") + 12)))) {
                    ObjectNode edited = current.deepCopy();
                    edited.putArray("note").addObject().put("text", "Seen on the ward round");
                    store(work.get(type), type, current.path("id").asText(), edited);
                }
            }
        }
    }

    private ObjectNode store(Map<String, List<ObjectNode>> ofType, String type, String id, ObjectNode resource) {
        List<ObjectNode> versions = ofType.computeIfAbsent(id, i -> new ArrayList<>());
        if (!versions.isEmpty() && sameContent(last(versions), resource)) {
            return last(versions);
        }
        ObjectNode stored = resource.deepCopy();
        stored.put("id", id);
        ObjectNode meta = stored.has("meta") ? (ObjectNode) stored.get("meta") : stored.putObject("meta");
        meta.put("versionId", String.valueOf(versions.size() + 1));
        meta.put("lastUpdated", Instant.now().toString());
        versions.add(stored);
        return stored;
    }

    private static boolean sameContent(ObjectNode a, ObjectNode b) {
        ObjectNode x = a.deepCopy();
        ObjectNode y = b.deepCopy();
        x.remove(List.of("id", "meta"));
        y.remove(List.of("id", "meta"));
        return x.equals(y);
    }

    private static List<ObjectNode> matching(Map<String, Map<String, List<ObjectNode>>> in, String type,
            String identifier) {
        String[] sv = identifier.split("\\|", 2);
        List<ObjectNode> found = new ArrayList<>();
        for (List<ObjectNode> versions : in.getOrDefault(type, Map.of()).values()) {
            ObjectNode current = last(versions);
            for (JsonNode id : current.path("identifier")) {
                boolean systemMatches = sv.length == 1 || id.path("system").asText().equals(sv[0]);
                if (systemMatches && id.path("value").asText().equals(sv[sv.length - 1])) {
                    found.add(current);
                    break;
                }
            }
        }
        return found;
    }

    private static String resolveReferences(JsonNode node, Map<String, String> resolved) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isTextual() && reference.asText().startsWith("urn:uuid:")) {
                String target = resolved.get(reference.asText());
                if (target == null) {
                    return reference.asText();
                }
                object.set("reference", new TextNode(target));
            }
            for (JsonNode child : object) {
                String unresolved = resolveReferences(child, resolved);
                if (unresolved != null) {
                    return unresolved;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String unresolved = resolveReferences(child, resolved);
                if (unresolved != null) {
                    return unresolved;
                }
            }
        }
        return null;
    }

    private static Map<String, Map<String, List<ObjectNode>>> copy(Map<String, Map<String, List<ObjectNode>>> from) {
        Map<String, Map<String, List<ObjectNode>>> copy = new HashMap<>();
        from.forEach((type, byId) -> {
            Map<String, List<ObjectNode>> ids = new HashMap<>();
            byId.forEach((id, versions) -> ids.put(id, new ArrayList<>(versions)));
            copy.put(type, ids);
        });
        return copy;
    }

    private static ObjectNode last(List<ObjectNode> versions) {
        return versions.get(versions.size() - 1);
    }

    private static String etag(ObjectNode resource) {
        return "W/\"" + resource.path("meta").path("versionId").asText() + "\"";
    }

    private static ObjectNode outcome(String code, String text) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", code).put("diagnostics", text);
        return outcome;
    }

    private static void answer(HttpServerRequest request, int status, JsonNode body) {
        request.response().setStatusCode(status).putHeader("Content-Type", FHIR_JSON).end(body.toString());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON");
        }
    }

    private static int intParam(HttpServerRequest request, String name, int fallback) {
        String value = request.getParam(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
