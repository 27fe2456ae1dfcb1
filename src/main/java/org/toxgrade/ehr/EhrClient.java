package org.toxgrade.ehr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.toxgrade.ehr.auth.EhrAuth;
import org.toxgrade.ehr.auth.PemKeys;
import org.toxgrade.ehr.auth.SmartBackendAuth;

/**
 * The one client of the EHR's FHIR server. It uses the Vert.x HTTP client, not a blocking one: the
 * outbox dispatcher runs on a Vert.x context with Hibernate Reactive sessions, and a non-blocking
 * exchange answers on that same context, so no thread hop is needed between database and EHR.
 *
 * <p>Every request passes the {@link CircuitBreaker}: while it is open the request is not made and
 * fails with {@link EhrException.Kind#CIRCUIT_OPEN}. A transport failure, a 5xx, 408 or 429 counts as
 * a failure; any other answer (a 4xx is the EHR speaking clearly) counts as a success.
 */
@ApplicationScoped
public class EhrClient {

    private static final Logger LOG = Logger.getLogger(EhrClient.class);
    static final String FHIR_JSON = "application/fhir+json";

    private final EhrSettings config;
    private final Optional<String> base;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final EhrAuth auth;
    private final MeterRegistry metrics;

    public EhrClient(EhrSettings config, Vertx vertx, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        this.base = config.baseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(8));
        this.breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(), config.circuitBreaker().delay());
        this.auth = base.isPresent() ? authOf(config, http) : EhrAuth.NONE;
        metrics.gauge("toxgrade.ehr.circuit.open", breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1);
    }

    /** Whether write-back is on (a base URL is configured). */
    public boolean enabled() {
        return base.isPresent();
    }

    /** Scheme, host and port of the EHR, for logs. */
    public String describe() {
        return base.map(HttpExchange::hostOf).orElse("(none)");
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * {@code GET [base]/[type]?identifier=[system]|[value]}: a searchset Bundle, past any search cache
     * ({@code Cache-Control: no-cache}): HAPI FHIR JPA answers an identical search from a 60-second cache by
     * default, which would hide a clinician's edit made just after the service's write.
     */
    public Uni<EhrResponse> searchByIdentifier(String type, String system, String value) {
        return send(HttpMethod.GET, base() + "/" + type + "?identifier=" + identifierParameter(system, value), null,
                true);
    }

    /** {@code GET [base]/[type]/[id]}, past any cache: the current version of a resource the service wrote. */
    public Uni<EhrResponse> read(String type, String id) {
        return send(HttpMethod.GET, base() + "/" + type + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8), null,
                true);
    }

    /** {@code POST [base]} of a transaction Bundle. */
    public Uni<EhrResponse> transaction(String bundleJson) {
        return send(HttpMethod.POST, base(), bundleJson, false);
    }

    /**
     * A request relative to the base URL ({@code Subscription/abc}, {@code Observation?_lastUpdated=...}) or an
     * absolute URL on the EHR's own origin (a search's {@code next} link). URLs on another origin are refused:
     * the client's credentials go only to the EHR.
     */
    public Uni<EhrResponse> request(HttpMethod method, String pathOrUrl, String body) {
        String url;
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            if (!HttpExchange.hostOf(pathOrUrl).equals(HttpExchange.hostOf(base()))) {
                return Uni.createFrom().failure(new IllegalArgumentException(EhrError.URL_OUTSIDE_EHR.message()));
            }
            url = pathOrUrl;
        } else {
            url = base() + "/" + (pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl);
        }
        return send(method, url, body, false);
    }

    /** The configured base URL without a trailing slash, if any. */
    public Optional<String> baseUrl() {
        return base;
    }

    /** {@code system|value}, URL-encoded as one query parameter value. */
    public static String identifierParameter(String system, String value) {
        return URLEncoder.encode(system + "|" + value, StandardCharsets.UTF_8);
    }

    private Uni<EhrResponse> send(HttpMethod method, String url, String body, boolean fresh) {
        long started = System.nanoTime();
        if (!breaker.tryAcquire()) {
            timed(method, "circuit-open", started);
            return Uni.createFrom().failure(new EhrException(EhrException.Kind.CIRCUIT_OPEN,
                    EhrError.CIRCUIT_OPEN.message(), null));
        }
        return auth.authorization()
                .chain(authorization -> {
                    Map<String, String> headers = new HashMap<>();
                    headers.put("Accept", FHIR_JSON);
                    if (body != null) {
                        headers.put("Content-Type", FHIR_JSON + "; charset=UTF-8");
                    }
                    authorization.ifPresent(value -> headers.put("Authorization", value));
                    if (fresh) {
                        headers.put("Cache-Control", "no-cache");
                    }
                    return HttpExchange.exchange(http, method, url, headers, body, config.connectTimeout(),
                            config.readTimeout());
                })
                .invoke(response -> {
                    if (response.transientFailure()) {
                        breaker.onFailure();
                    } else {
                        breaker.onSuccess();
                    }
                    if (response.status() == 401) {
                        auth.invalidate();
                    }
                })
                .onFailure().invoke(failure -> breaker.onFailure())
                .onItemOrFailure().invoke((response, failure) -> timed(method, failure == null
                        ? (response.status() / 100) + "xx"
                        : failure instanceof EhrException e
                                ? e.kind().name().toLowerCase().replace('_', '-')
                                : "failed",
                        started));
    }

    /** {@code toxgrade_ehr_requests_seconds{method,outcome}}: latency and outcome of every EHR request. */
    private void timed(HttpMethod method, String outcome, long startedNanos) {
        Timer.builder("toxgrade.ehr.requests").tag("method", method.name()).tag("outcome", outcome)
                .register(metrics).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private String base() {
        return base.orElseThrow(() -> new IllegalStateException(EhrError.NO_BASE_URL.message()));
    }

    private static EhrAuth authOf(EhrSettings config, HttpClient http) {
        EhrSettings.Auth auth = config.auth();
        switch (auth.mode()) {
            case NONE:
                LOG.info("EHR client authentication: none");
                return EhrAuth.NONE;
            case BEARER:
                return EhrAuth.bearer(
                        auth.bearerToken().filter(t -> !t.isBlank()).orElseThrow(
                                () -> new IllegalStateException(EhrError.BEARER_TOKEN_MISSING.message())));
            case SMART_BACKEND:
            default:
                EhrSettings.Smart smart = auth.smart();
                String missing = smart.tokenUrl().isEmpty()
                        ? "token-url"
                        : smart.clientId().isEmpty()
                                ? "client-id"
                                : smart.privateKeyLocation().isEmpty()
                                        ? "private-key-location"
                                        : smart.keyId().isEmpty() ? "key-id" : null;
                if (missing != null) {
                    throw new IllegalStateException(EhrError.SMART_SETTING_MISSING.message(missing));
                }
                LOG.infof("EHR client authentication: SMART Backend Services, client %s, %s", smart.clientId().get(),
                        smart.algorithm());
                return new SmartBackendAuth(http, new SmartBackendAuth.Settings(smart.tokenUrl().get(),
                        smart.clientId().get(),
                        PemKeys.readPkcs8(Path.of(smart.privateKeyLocation().get()), smart.algorithm()),
                        smart.keyId().get(), smart.algorithm(), smart.scope(), smart.assertionLifetime(),
                        smart.refreshMargin(), config.connectTimeout(), config.readTimeout()), Clock.systemUTC());
        }
    }
}
