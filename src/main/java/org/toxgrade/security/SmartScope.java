package org.toxgrade.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART clinical scope, e.g. {@code system/Observation.cu} (v2) or {@code system/*.read} (v1).
 *
 * <p>SMART App Launch 2.0 section "Scopes for requesting clinical data": v2 permissions are a
 * subset of {@code cruds} in that order; v1 {@code read} means {@code rs}, {@code write} means
 * {@code cud} and {@code *} means all. Granular v2 scopes ({@code ?category=...}) narrow a
 * permission to matching resources; this service cannot check such a filter on every interaction,
 * so a granular scope grants nothing (refusing is the safe reading).
 *
 * @param context {@code system}, {@code user} or {@code patient}
 * @param resourceType a FHIR resource type or {@code *}
 */
public record SmartScope(String context, String resourceType, Set<Permission> permissions) {

    private static final Pattern FORM = Pattern.compile("(system|user|patient)/([A-Za-z]+|\\*)\\.([a-z*]+)(\\?.*)?");

    public static Optional<SmartScope> parse(String scope) {
        Matcher m = FORM.matcher(scope);
        if (!m.matches() || m.group(4) != null) {
            return Optional.empty();
        }
        return permissionsOf(m.group(3)).map(p -> new SmartScope(m.group(1), m.group(2), p));
    }

    private static Optional<Set<Permission>> permissionsOf(String text) {
        switch (text) {
            case "read":
                return Optional.of(EnumSet.of(Permission.R, Permission.S));
            case "write":
                return Optional.of(EnumSet.of(Permission.C, Permission.U, Permission.D));
            case "*":
                return Optional.of(EnumSet.allOf(Permission.class));
            default:
                // v2: letters of "cruds", each at most once, in that order.
                if (!text.matches("c?r?u?d?s?") || text.isEmpty()) {
                    return Optional.empty();
                }
                EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
                for (char letter : text.toCharArray()) {
                    permissions.add(Permission.valueOf(String.valueOf(letter).toUpperCase()));
                }
                return Optional.of(permissions);
        }
    }

    /**
     * Whether this scope lets its holder do {@code permission} on {@code type}. {@code system} scopes grant
     * what they name. {@code user} scopes (a clinician signed in to the chart, SMART App Launch) grant
     * reading and searching only ({@code r}, {@code s}): the service's data come from the EHR and its results
     * are derived, so no person writes here. {@code patient} scopes grant nothing: the service cannot check
     * that every result served belongs to the patient in context, and refusing is the safe reading.
     */
    public boolean permits(String type, Permission permission) {
        boolean granted = "system".equals(context)
                || "user".equals(context) && (permission == Permission.R || permission == Permission.S);
        return granted
                && ("*".equals(resourceType) || resourceType.equals(type))
                && permissions.contains(permission);
    }
}
