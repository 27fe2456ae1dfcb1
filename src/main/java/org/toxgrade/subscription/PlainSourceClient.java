package org.toxgrade.subscription;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.http.HttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.toxgrade.ehr.EhrResponse;
import org.toxgrade.ehr.HttpExchange;

/** The client of a source other than the write-back EHR: its base URL and, optionally, a static bearer token. */
final class PlainSourceClient implements SourceClient {

    private final HttpClient http;
    private final String base;
    private final Optional<String> bearer;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    PlainSourceClient(HttpClient http, String base, Optional<String> bearer, Duration connectTimeout,
            Duration readTimeout) {
        this.http = http;
        this.base = base;
        this.bearer = bearer.filter(b -> !b.isBlank());
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public Uni<EhrResponse> request(HttpMethod method, String pathOrUrl, String body) {
        String url;
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            if (!origin(pathOrUrl).equals(origin(base))) {
                return Uni.createFrom()
                        .failure(new IllegalArgumentException(SubscriptionError.URL_OUTSIDE_SOURCE.message()));
            }
            url = pathOrUrl;
        } else {
            url = base + "/" + (pathOrUrl.startsWith("/") ? pathOrUrl.substring(1) : pathOrUrl);
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/fhir+json");
        if (body != null) {
            headers.put("Content-Type", "application/fhir+json; charset=UTF-8");
        }
        bearer.ifPresent(token -> headers.put("Authorization", "Bearer " + token));
        return HttpExchange.exchange(http, method, url, headers, body, connectTimeout, readTimeout);
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
}
