package org.toxgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TracingSwitchTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "nothing set                        | -                                           | -     | -",
            "an endpoint                        | QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT         | -     | false",
            "a traces endpoint                  | QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT  | -     | false",
            "an endpoint, SDK explicitly off    | QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT         | true  | -",
            "no endpoint, SDK explicitly on     | -                                           | false | -"})
    void theSdkIsSwitchedOnOnlyWhenAnEndpointIsConfiguredAndNothingSaysOtherwise(String situation,
            String endpointVariable, String explicitDisabled, String expected) {
        Map<String, String> env = new HashMap<>();
        if (endpointVariable != null) {
            env.put(endpointVariable, "http://collector:4317");
        }
        if (explicitDisabled != null) {
            env.put("QUARKUS_OTEL_SDK_DISABLED", explicitDisabled);
        }
        Map<String, String> set = new HashMap<>();
        TracingSwitch.apply(new EarlyProperties(name -> null, env), set::put);
        assertEquals(expected, set.get(TracingSwitch.SDK_DISABLED), situation);
    }
}
