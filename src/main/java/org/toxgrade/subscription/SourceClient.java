package org.toxgrade.subscription;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import org.toxgrade.ehr.EhrResponse;

/** Requests to one source EHR: paths relative to its FHIR base, or absolute URLs on its own origin (next links). */
public interface SourceClient {

    Uni<EhrResponse> request(HttpMethod method, String pathOrUrl, String body);
}
