package org.toxgrade;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;

/**
 * Tells the embedded database's shutdown hook that the service has stopped taking and answering
 * requests: Quarkus fires the shutdown event after its graceful shutdown (requests in flight
 * answered within {@code quarkus.shutdown.timeout}), so the database stops only after them.
 */
@Singleton
public class ServiceStopped {

    /** Counted down once, when the application stops (or when {@code main} leaves Quarkus). */
    static final CountDownLatch LATCH = new CountDownLatch(1);

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        LATCH.countDown();
    }
}
