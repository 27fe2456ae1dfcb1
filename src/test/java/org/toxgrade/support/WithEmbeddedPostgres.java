package org.toxgrade.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Anchors the global test resources. A {@code @QuarkusTestResource} on any class of the test module
 * applies to every {@code @QuarkusTest}, so all of them share one embedded server and one key pair.
 */
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
@QuarkusTestResource(TestKeysResource.class)
@QuarkusTestResource(CdsClientKeys.class)
public final class WithEmbeddedPostgres {

    private WithEmbeddedPostgres() {
    }
}
