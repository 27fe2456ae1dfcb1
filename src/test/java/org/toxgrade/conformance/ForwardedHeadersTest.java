package org.toxgrade.conformance;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.toxgrade.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.toxgrade.support.Results;

/** Behind a trusted TLS proxy (the tests' loopback is configured as one) links name the public https address. */
@QuarkusTest
class ForwardedHeadersTest {

    @Test
    void xForwardedProtoAndHostFromATrustedProxyMakeTheLinksHttps() {
        as(Results.READER).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "toxgrade.example.org")
                .when().get("/fhir/Condition?patient=nobody-fwd").then().statusCode(200)
                .body("link.url", everyItem(startsWith("https://toxgrade.example.org/fhir/Condition?")));
    }

    @Test
    void forwardedFromATrustedProxyMakesTheLinksHttps() {
        as(Results.READER).header("Forwarded", "proto=https;host=toxgrade.example.org")
                .when().get("/fhir/Condition?patient=nobody-fwd").then().statusCode(200)
                .body("link.url", everyItem(startsWith("https://toxgrade.example.org/fhir/Condition?")));
    }
}
