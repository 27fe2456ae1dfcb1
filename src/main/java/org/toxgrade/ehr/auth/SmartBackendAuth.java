package org.toxgrade.ehr.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.http.HttpClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.toxgrade.ehr.EhrError;
import org.toxgrade.ehr.EhrException;
import org.toxgrade.ehr.HttpExchange;

/**
 * SMART Backend Services (client credentials with a {@code private_key_jwt} assertion): POSTs
 * {@code grant_type=client_credentials} with a freshly signed {@link ClientAssertion} to the token
 * endpoint, and keeps the access token until {@code refreshMargin} before its {@code expires_in}.
 * Concurrent callers share one token request.
 */
public final class SmartBackendAuth implements EhrAuth {

    private static final Logger LOG = Logger.getLogger(SmartBackendAuth.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Everything the client needs; {@code key} is already read from its PKCS#8 file. */
    public record Settings(String tokenUrl, String clientId, PrivateKey key, String keyId, String algorithm,
            String scope, Duration assertionLifetime, Duration refreshMargin, Duration connectTimeout,
            Duration readTimeout) {
    }

    private record Token(String value, Instant renewAt) {
    }

    private final HttpClient http;
    private final Settings settings;
    private final Clock clock;
    private volatile Token cached;
    private Uni<Token> inFlight;

    public SmartBackendAuth(HttpClient http, Settings settings, Clock clock) {
        ClientAssertion.joseAlgorithm(settings.algorithm());
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Uni<Optional<String>> authorization() {
        Token token = cached;
        if (token != null && clock.instant().isBefore(token.renewAt())) {
            return Uni.createFrom().item(Optional.of("Bearer " + token.value()));
        }
        return shared().map(t -> Optional.of("Bearer " + t.value()));
    }

    @Override
    public void invalidate() {
        cached = null;
    }

    private synchronized Uni<Token> shared() {
        if (inFlight == null) {
            inFlight = request()
                    .invoke(token -> cached = token)
                    .eventually(this::clearInFlight)
                    .memoize().indefinitely();
        }
        return inFlight;
    }

    private synchronized void clearInFlight() {
        inFlight = null;
    }

    private Uni<Token> request() {
        Instant now = clock.instant();
        String assertion = ClientAssertion.sign(settings.clientId(), settings.tokenUrl(), settings.key(),
                settings.keyId(), settings.algorithm(), settings.assertionLifetime(), now);
        String form = "grant_type=client_credentials"
                + "&scope=" + encode(settings.scope())
                + "&client_assertion_type=" + encode(ClientAssertion.TYPE)
                + "&client_assertion=" + encode(assertion);
        return HttpExchange.exchange(http, HttpMethod.POST, settings.tokenUrl(),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json"),
                form, settings.connectTimeout(), settings.readTimeout())
                .map(response -> {
                    if (response.status() != 200) {
                        // The body of an OAuth error names the error, not a patient; still keep it out of logs.
                        throw new EhrException(EhrException.Kind.AUTH,
                                EhrError.TOKEN_REFUSED.message(response.status()), null);
                    }
                    return parse(response.body(), clock.instant());
                })
                .invoke(token -> LOG.infof("EHR access token obtained for client %s, renewed after %s",
                        settings.clientId(), token.renewAt()));
    }

    private Token parse(String body, Instant received) {
        try {
            JsonNode json = JSON.readTree(body);
            String value = json.path("access_token").asText(null);
            if (value == null || value.isBlank()) {
                throw new EhrException(EhrException.Kind.AUTH,
                        EhrError.TOKEN_ANSWER_UNUSABLE.message("has no access_token"), null);
            }
            long expiresIn = json.path("expires_in").asLong(300);
            Instant renewAt = received.plusSeconds(expiresIn).minus(settings.refreshMargin());
            return new Token(value, renewAt);
        } catch (IOException e) {
            throw new EhrException(EhrException.Kind.AUTH, EhrError.TOKEN_ANSWER_UNUSABLE.message("is not JSON"), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
