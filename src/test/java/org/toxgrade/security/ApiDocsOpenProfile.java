package org.toxgrade.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The service as dev mode runs it: the OpenAPI document and Swagger UI open to browse. */
public class ApiDocsOpenProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("toxgrade.auth.api-docs-open", "true");
    }
}
