package org.toxgrade.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The scopes a token carries, parsed once per request. */
public record GrantedScopes(List<SmartScope> clinical, Set<String> raw) {

    /** Scope for {@code $grade}: running the grading on posted data without storing it. */
    public static final String GRADE_OPERATION = "toxgrade/grade";
    /** Scope for operator endpoints (dead letters, re-drive, subscription status). */
    public static final String OPERATOR = "toxgrade/operator";

    public static GrantedScopes parse(String spaceSeparated) {
        Set<String> raw = spaceSeparated == null
                ? Set.of()
                : Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
        List<SmartScope> clinical = raw.stream().map(SmartScope::parse).flatMap(Optional::stream).toList();
        return new GrantedScopes(clinical, raw);
    }

    public boolean permits(String resourceType, Permission permission) {
        return clinical.stream().anyMatch(s -> s.permits(resourceType, permission));
    }

    public boolean has(String serviceScope) {
        return raw.contains(serviceScope);
    }
}
