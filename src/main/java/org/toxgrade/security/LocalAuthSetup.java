package org.toxgrade.security;

import java.io.IOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.toxgrade.EarlyProperties;

/**
 * Before Quarkus starts: when no token verification key is configured and local keys are allowed,
 * points token verification at the local key pair (made on first start), so the run command works
 * on a fresh machine with authentication on. Never switches authentication off.
 */
public final class LocalAuthSetup {

    private static final Logger LOG = Logger.getLogger(LocalAuthSetup.class);
    public static final String LOCAL_KEYS = "toxgrade.auth.local-keys";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY_INLINE = "mp.jwt.verify.publickey";

    private LocalAuthSetup() {
    }

    public static void configureIfNeeded(EarlyProperties config, Path dataRoot) throws IOException {
        boolean keyConfigured = config.get(KEY_LOCATION).isPresent() || config.get(KEY_INLINE).isPresent();
        boolean allowed = Boolean.parseBoolean(config.get(LOCAL_KEYS, "true"));
        if (keyConfigured || !allowed) {
            return;
        }
        LocalKeys keys = LocalKeys.loadOrCreate(dataRoot);
        System.setProperty(KEY_LOCATION, keys.jwksFile().toUri().toString());
        System.setProperty("mp.jwt.verify.issuer", LocalKeys.ISSUER);
        System.setProperty("mp.jwt.verify.audiences", LocalKeys.AUDIENCE);
        LOG.infof("Tokens are verified against the local key in %s; mint one with: "
                + "java -jar target/quarkus-app/quarkus-run.jar token", keys.jwksFile().getParent());
    }
}
