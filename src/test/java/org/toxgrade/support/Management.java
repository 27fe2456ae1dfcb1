package org.toxgrade.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * REST Assured requests to the management interface (health and metrics), which listens on its own
 * port: in tests a free one, published by Quarkus as {@code test.management.url}.
 */
public final class Management {

    private Management() {
    }

    /** A request to the management interface, without a token (the port is closed by the network, not by tokens). */
    public static RequestSpecification management() {
        URI url = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return given().baseUri(url.getScheme() + "://" + url.getHost()).port(url.getPort());
    }
}
