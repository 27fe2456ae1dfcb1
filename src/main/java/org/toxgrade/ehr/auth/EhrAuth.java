package org.toxgrade.ehr.auth;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** Credentials the EHR client sends: the value of the {@code Authorization} header, if any. */
public interface EhrAuth {

    Uni<Optional<String>> authorization();

    /** The EHR answered 401: forget any cached credential so the next request gets a fresh one. */
    default void invalidate() {
    }

    /** No credentials ({@code toxgrade.ehr.auth.mode=none}). */
    EhrAuth NONE = () -> Uni.createFrom().item(Optional.empty());

    /** A static bearer token ({@code toxgrade.ehr.auth.mode=bearer}). */
    static EhrAuth bearer(String token) {
        Optional<String> header = Optional.of("Bearer " + token);
        return () -> Uni.createFrom().item(header);
    }
}
