package org.toxgrade.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code java -jar quarkus-run.jar token [--scope "..."] [--minutes N] [--client NAME]}: prints a
 * bearer token signed with the local key, for local runs only (a service configured with real keys
 * does not accept it).
 */
public final class LocalTokenCommand {

    /** Everything a local user needs: all clinical interactions plus the service's own scopes. */
    public static final String DEFAULT_SCOPES = "system/*.cruds " + GrantedScopes.GRADE_OPERATION + " "
            + GrantedScopes.OPERATOR;

    private LocalTokenCommand() {
    }

    public static int run(String[] args, Path dataRoot, PrintStream out, PrintStream err) throws IOException {
        String scopes = DEFAULT_SCOPES;
        long minutes = 60;
        String client = "local-user";
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--scope" -> scopes = require(value, args[i]);
                case "--minutes" -> minutes = Long.parseLong(require(value, args[i]));
                case "--client" -> client = require(value, args[i]);
                default -> {
                    err.println("usage: token [--scope \"system/Observation.cu ...\"] [--minutes N] [--client NAME]");
                    return 2;
                }
            }
            i++;
        }
        LocalKeys keys = LocalKeys.loadOrCreate(dataRoot);
        out.println(TokenMinter.mintLocal(keys, client, scopes, Duration.ofMinutes(minutes)));
        return 0;
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
