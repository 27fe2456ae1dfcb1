package org.toxgrade.ehr;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP exchange on the Vert.x client: non-blocking, so the answer comes back on the caller's
 * Vert.x context (where a Hibernate Reactive session may continue). Connect and read timeouts are
 * the client's own; a missing answer fails with {@link EhrException.Kind#TRANSPORT}.
 */
public final class HttpExchange {

    private HttpExchange() {
    }

    public static Uni<EhrResponse> exchange(HttpClient client, HttpMethod method, String url,
            Map<String, String> headers,
            String body, Duration connectTimeout, Duration readTimeout) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
                .setConnectTimeout(connectTimeout.toMillis()).setIdleTimeout(readTimeout.toMillis());
        headers.forEach(options::putHeader);
        return client.request(options)
                .chain(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .chain(response -> response.body().map(buffer -> new EhrResponse(response.statusCode(),
                        response.getHeader("ETag"), response.getHeader("Location"), buffer.toString())))
                .onFailure(failure -> !(failure instanceof EhrException))
                .transform(failure -> new EhrException(EhrException.Kind.TRANSPORT,
                        EhrError.NO_ANSWER.message(hostOf(url), failure.getClass().getSimpleName()), failure));
    }

    /** Scheme, host and port only: paths and queries may carry identifiers. */
    static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "the configured URL";
        }
    }
}
