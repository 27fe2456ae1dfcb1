package org.toxgrade;

import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Traces are exported only when an OTLP endpoint is configured: the OpenTelemetry SDK is off in
 * application.properties ({@code quarkus.otel.sdk.disabled=true}), so that a service without a
 * collector logs no export failures, and is switched on before Quarkus starts when
 * {@code quarkus.otel.exporter.otlp.endpoint} or {@code quarkus.otel.exporter.otlp.traces.endpoint}
 * is set. An explicit {@code quarkus.otel.sdk.disabled} wins either way.
 */
final class TracingSwitch {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    private TracingSwitch() {
    }

    /** Sets {@code quarkus.otel.sdk.disabled=false} through {@code set} when an endpoint is configured. */
    static void apply(EarlyProperties config, BiConsumer<String, String> set) {
        if (config.get(SDK_DISABLED).isPresent()) {
            return;
        }
        Optional<String> endpoint = config.get(TRACES_ENDPOINT).or(() -> config.get(ENDPOINT));
        if (endpoint.isPresent()) {
            set.accept(SDK_DISABLED, "false");
        }
    }
}
