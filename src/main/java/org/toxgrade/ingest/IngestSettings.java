package org.toxgrade.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a sender may push in one request (README "Limits"). */
@ConfigMapping(prefix = "toxgrade.ingest")
public interface IngestSettings {

    /** Largest request body accepted; a larger one is answered 413 with an OperationOutcome. */
    @WithDefault("16M")
    MemorySize maxBodySize();

    /** Largest NDJSON body of one bulk import ({@code $import}); more is answered 413. */
    @WithDefault("64M")
    MemorySize importMaxBodySize();

    /** Lines of a bulk import stored per transaction. */
    @WithDefault("1000")
    int importChunkLines();

    /** Most entries accepted in one batch or transaction Bundle; more is answered 413. */
    @WithDefault("5000")
    int maxBundleEntries();

    /**
     * Attempts at storing one request when it meets a concurrent write (deadlock, serialization
     * failure, the same new resource created twice); after the last, the sender gets 503 with Retry-After.
     */
    @WithDefault("5")
    int writeAttempts();

    /** Deepest nesting of JSON objects and arrays accepted in a body (the outermost object is 1); deeper is answered 400. */
    @WithDefault("100")
    int maxDepth();

    /** Longest JSON string value accepted, in characters; longer is answered 400. */
    @WithDefault("1048576")
    int maxStringLength();

    /** Longest JSON number accepted, in characters (sign, digits, point and exponent); longer is answered 400. */
    @WithDefault("64")
    int maxNumberLength();

    /** Longest JSON property name accepted, in characters; longer is answered 400. */
    @WithDefault("256")
    int maxNameLength();
}
