package org.toxgrade.conformance;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;

/** Forwarded headers from an address that is not a configured proxy change nothing. */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OnlyAnotherProxyTrusted.class)
class UntrustedProxyTest {

    public static class OnlyAnotherProxyTrusted implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "10.99.0.1");
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() {
        as(Results.READER).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "attacker.example")
                .header("Forwarded", "proto=https;host=attacker.example")
                .when().get("/fhir/Condition?patient=nobody-fwd").then().statusCode(200)
                .body("link.url", everyItem(startsWith("http://localhost:")));
    }
}
