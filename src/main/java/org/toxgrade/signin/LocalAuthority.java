package org.toxgrade.signin;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.toxgrade.fhir.FhirIds;
import org.toxgrade.security.LocalKeys;
import org.toxgrade.security.TokenMinter;

/**
 * The local authorization server of embedded runs (OAuth 2.0 authorization code grant, RFC 6749, with PKCE
 * S256, RFC 7636, as SMART App Launch 2.0 requires of apps): checks authorization requests, signs the local
 * user in, keeps each code for one use within its lifetime, and exchanges it for an access token signed with
 * the local key, which the service verifies like any other. Available only while the service verifies tokens
 * against that local key: with the hospital's keys configured it refuses everything.
 */
@ApplicationScoped
public class LocalAuthority {

    /** A checked authorization request. {@code launch}: the patient in context (a local launch is a patient id). */
    public record Request(String clientId, String redirectUri, String state, String challenge, Set<String> scopes,
            String launch) {
    }

    /** The token endpoint's answer (SMART App Launch 2.0, "Obtain access token"). */
    public record TokenResponse(String accessToken, long expiresIn, String scope, String patient) {
    }

    private record Grant(String user, Request request, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(LocalAuthority.class);
    private static final String PASSWORD_FILE = "local-user-password";
    private final LocalSignInSettings settings;
    private final Optional<LocalKeys> keys;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile byte[] password;

    public LocalAuthority(LocalSignInSettings settings) {
        this.settings = settings;
        this.keys = settings.enabled() ? localKeys() : Optional.empty();
    }

    /** Makes the local user's password file at start-up, so that it is there before the first sign-in. */
    void announce(@Observes StartupEvent event) {
        if (available()) {
            password();
            LOG.infof("Local sign-in at /app/: user '%s', password %s", settings.user(),
                    settings.password().isPresent()
                            ? "as configured (toxgrade.signin.password)"
                            : "in " + keysDirectory().resolve(PASSWORD_FILE));
        }
    }

    public boolean available() {
        return keys.isPresent();
    }

    public String user() {
        return settings.user();
    }

    public String clientId() {
        return settings.clientId();
    }

    /** The local authorization endpoint under the service's base URL (LocalSignInResource, /auth/authorize). */
    public static String authorizationEndpoint(URI base) {
        return base.resolve("auth/authorize").toString();
    }

    /** The local token endpoint under the service's base URL (LocalSignInResource, /auth/token). */
    public static String tokenEndpoint(URI base) {
        return base.resolve("auth/token").toString();
    }

    /** The scopes the local sign-in may grant, for SMART discovery. */
    public List<String> grantableScopes() {
        return List.of(settings.grantableScopes().trim().split("\\s+"));
    }

    /**
     * Checks an authorization request against the local client's registration.
     *
     * @param base this service's base URL as the request reached it
     */
    public Request check(URI base, String responseType, String clientId, String redirectUri, String scope,
            String state, String challenge, String challengeMethod, String aud, String launch) {
        requireAvailable();
        if (!"code".equals(responseType)) {
            throw SignInError.RESPONSE_TYPE.refuse();
        }
        if (!settings.clientId().equals(clientId)) {
            throw SignInError.UNKNOWN_CLIENT.refuse();
        }
        if (!pageOfThisService(base, redirectUri)) {
            throw SignInError.REDIRECT_NOT_ALLOWED.refuse();
        }
        if (!"S256".equals(challengeMethod) || !Pkce.validChallenge(challenge)) {
            throw SignInError.PKCE_REQUIRED.refuse();
        }
        if (aud != null && !stripSlash(aud).equals(stripSlash(base.resolve("fhir").toString()))) {
            throw SignInError.WRONG_AUDIENCE.refuse();
        }
        if (state == null || state.isBlank()) {
            throw SignInError.NO_STATE.refuse();
        }
        if (launch != null && !FhirIds.isValid(launch)) {
            throw SignInError.BAD_LAUNCH.refuse();
        }
        Set<String> grantable = Set.of(settings.grantableScopes().trim().split("\\s+"));
        Set<String> granted = new LinkedHashSet<>();
        for (String s : (scope == null ? "" : scope).trim().split("\\s+")) {
            if (grantable.contains(s)) {
                granted.add(s);
            }
        }
        return new Request(clientId, redirectUri, state, challenge, granted, launch);
    }

    /** Signs the user in (constant-time comparisons) and answers a one-time code for the request. */
    public String signIn(Request request, String user, String password) {
        requireAvailable();
        boolean userOk = MessageDigest.isEqual(bytes(settings.user()), bytes(user));
        boolean passwordOk = MessageDigest.isEqual(password(), bytes(password));
        if (!userOk || !passwordOk) {
            throw SignInError.WRONG_CREDENTIALS.refuse();
        }
        Instant now = Instant.now();
        codes.values().removeIf(g -> g.expires().isBefore(now));
        String code = random(32);
        codes.put(code, new Grant(settings.user(), request, now.plus(settings.codeLifetime())));
        return code;
    }

    /** The token endpoint: the code once, within its lifetime, for the client and redirect it was issued to. */
    public TokenResponse exchange(String grantType, String code, String redirectUri, String clientId,
            String verifier) {
        requireAvailable();
        if (!"authorization_code".equals(grantType)) {
            throw SignInError.GRANT_TYPE.refuse();
        }
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || grant.expires().isBefore(Instant.now())) {
            throw SignInError.CODE_NOT_VALID.refuse();
        }
        if (!grant.request().clientId().equals(clientId) || !grant.request().redirectUri().equals(redirectUri)) {
            throw SignInError.CODE_MISMATCH.refuse();
        }
        if (!Pkce.matches(verifier, grant.request().challenge())) {
            throw SignInError.VERIFIER_MISMATCH.refuse();
        }
        String scope = String.join(" ", grant.request().scopes());
        try {
            String token = TokenMinter.mintLocal(keys.orElseThrow(), grant.user(), scope, settings.tokenLifetime());
            boolean patientContext = grant.request().launch() != null && (grant.request().scopes().contains("launch")
                    || grant.request().scopes().contains("launch/patient"));
            return new TokenResponse(token, settings.tokenLifetime().toSeconds(), scope,
                    patientContext ? grant.request().launch() : null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireAvailable() {
        if (keys.isEmpty()) {
            throw SignInError.NOT_AVAILABLE.refuse();
        }
    }

    /** Same scheme, host and port as this service, and a page under {@code /app/}: the page's own callback. */
    private static boolean pageOfThisService(URI base, String redirectUri) {
        try {
            URI uri = URI.create(redirectUri);
            return uri.isAbsolute() && base.getScheme().equals(uri.getScheme()) && base.getHost() != null
                    && base.getHost().equalsIgnoreCase(uri.getHost()) && base.getPort() == uri.getPort()
                    && uri.getRawPath() != null && uri.getRawPath().startsWith(base.getRawPath() + "app/")
                    && uri.getRawFragment() == null && !uri.getRawPath().contains("..");
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private byte[] password() {
        if (password == null) {
            password = bytes(settings.password().orElseGet(this::passwordFile));
        }
        return password;
    }

    /** The random password of the local user, made on first use next to the local key (owner-only). */
    private String passwordFile() {
        Path file = keysDirectory().resolve(PASSWORD_FILE);
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, random(18) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the directory's own protection applies.
                }
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException(SignInError.PASSWORD_NOT_WRITTEN.message(), e);
        }
    }

    private Path keysDirectory() {
        return keys.orElseThrow().jwksFile().getParent();
    }

    /**
     * The local key pair, when verification points at it: the issuer is the local one and the JWKS is a file
     * with the local private key beside it (LocalAuthSetup, or the tests' key pair).
     */
    private static Optional<LocalKeys> localKeys() {
        var config = ConfigProvider.getConfig();
        Optional<String> issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        Optional<String> location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        if (issuer.isEmpty() || !LocalKeys.ISSUER.equals(issuer.get()) || location.isEmpty()
                || !location.get().startsWith("file:")) {
            return Optional.empty();
        }
        String path = location.get().substring("file:".length());
        Path jwks = path.startsWith("//") ? Path.of(URI.create(location.get())) : Path.of(path);
        Path keysDir = jwks.toAbsolutePath().getParent();
        if (keysDir == null || !Files.exists(keysDir.resolve("local-signing-key.pem"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalKeys.loadOrCreate(keysDir.getParent()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
