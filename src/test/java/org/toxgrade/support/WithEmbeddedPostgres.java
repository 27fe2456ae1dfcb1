package org.toxgrade.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Anchors the embedded PostgreSQL test resource. A {@code @QuarkusTestResource} on any class of the
 * test module applies to every {@code @QuarkusTest}, so all of them share one server.
 */
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
public final class WithEmbeddedPostgres {

    private WithEmbeddedPostgres() {
    }
}
