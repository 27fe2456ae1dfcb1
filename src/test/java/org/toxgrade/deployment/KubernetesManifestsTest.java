package org.toxgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay of {@code k8s/} renders, every object in it fits the Kubernetes schema of its kind
 * (unknown fields are errors), and the hardening an operations team expects is there. No cluster is
 * needed: {@code kubectl kustomize} renders, the fabric8 model (generated from the Kubernetes OpenAPI
 * schema) checks.
 */
class KubernetesManifestsTest {

    private static final Path OVERLAYS = Path.of("k8s", "overlays");
    /** Secrets the manifests read but do not make: CloudNativePG makes the first, the site the others. */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("toxgrade-db-app", "toxgrade-secrets", "toxgrade-tls");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyBuiltInObjectOfTheOverlayFitsItsKubernetesSchema(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : Kustomize.render(OVERLAYS.resolve(overlay))) {
            String type = StrictModel.typeOf(object);
            if (CustomResources.KNOWN.containsKey(type)) {
                problems.addAll(CustomResources.check(object));
                continue;
            }
            try {
                StrictModel.read(object);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aFieldThatTheSchemaDoesNotHaveIsReported() {
        JsonNode deployment = json.valueToTree(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata",
                Map.of("name", "x"), "spec", Map.of("replica", 2, "template", Map.of("spec", Map.of("containers",
                        List.of(Map.of("name", "x", "image", "x", "securityContex", Map.of())))))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> StrictModel.read(deployment));
        assertTrue(error.getMessage().contains("Spec.replica"), error.getMessage());
        assertTrue(error.getMessage().contains("securityContex"), error.getMessage());
    }

    @Test
    void aCustomResourceFieldThatItsApiDoesNotHaveIsReported() {
        JsonNode cluster = json.valueToTree(Map.of("apiVersion", "postgresql.cnpg.io/v1", "kind", "Cluster",
                "metadata", Map.of("name", "db"), "spec", Map.of("instance", 3)));
        assertEquals(List.of("postgresql.cnpg.io/v1/Cluster db: spec.instance is not a field of its API"),
                CustomResources.check(cluster));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void thePodRunsHardened(String overlay) {
        Rendered rendered = new Rendered(overlay);
        PodSpec pod = rendered.deployment().getSpec().getTemplate().getSpec();
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        ServiceAccount account = rendered.one(ServiceAccount.class);
        assertEquals(account.getMetadata().getName(), pod.getServiceAccountName());
        assertEquals(Boolean.FALSE, account.getAutomountServiceAccountToken());
        for (Container container : pod.getContainers()) {
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation());
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem());
            assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
            assertNotNull(container.getResources().getRequests().get("cpu"), "cpu request");
            assertNotNull(container.getResources().getRequests().get("memory"), "memory request");
            assertNotNull(container.getResources().getLimits().get("memory"), "memory limit");
            for (Probe probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), "probes use the management port");
            }
        }
        assertFalse(pod.getTopologySpreadConstraints().isEmpty(), "replicas spread over nodes and zones");
        assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), pod
                .getTopologySpreadConstraints().stream().map(c -> c.getTopologyKey()).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void aDisruptionBudgetAnAutoscalerAndANetworkPolicyCoverThePods(String overlay) {
        Rendered rendered = new Rendered(overlay);
        Map<String, String> podLabels = rendered.deployment().getSpec().getTemplate().getMetadata().getLabels();
        PodDisruptionBudget budget = rendered.one(PodDisruptionBudget.class);
        assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
        HorizontalPodAutoscaler autoscaler = rendered.one(HorizontalPodAutoscaler.class);
        assertEquals(rendered.deployment().getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef()
                .getName());
        assertTrue(autoscaler.getSpec().getMinReplicas() <= rendered.deployment().getSpec().getReplicas());
        NetworkPolicy policy = rendered.one(NetworkPolicy.class);
        assertTrue(podLabels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()));
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), "both directions closed");
        assertEquals(Set.of("http", "management"), policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getStrVal())
                .collect(Collectors.toSet()), "ingress only to the service's own ports");
        assertTrue(policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                .anyMatch(peer -> peer.getPodSelector() != null && "toxgrade-db".equals(peer.getPodSelector()
                        .getMatchLabels().get("cnpg.io/cluster"))),
                "egress to the database");
    }

    @Test
    void devRunsOneReplicaAndProductionThree() {
        assertEquals(1, new Rendered("dev").deployment().getSpec().getReplicas());
        assertEquals(3, new Rendered("production").deployment().getSpec().getReplicas());
        assertEquals(3, new Rendered("production").custom("Cluster").path("spec").path("instances").asInt());
    }

    @Test
    void productionMemoryIsSizedAboveTheBenchmarkedResidentMemory() throws IOException {
        Matcher measured = Pattern.compile("Resident memory after the run: (\\d+) MB").matcher(Files.readString(
                Path.of("README.md")));
        assertTrue(measured.find(), "README states the benchmark's resident memory");
        long residentBytes = Long.parseLong(measured.group(1)) * 1_000_000L;
        Container container = new Rendered("production").deployment().getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        long request = Quantity.getAmountInBytes(container.getResources().getRequests().get("memory"))
                .longValueExact();
        long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValueExact();
        assertTrue(request > residentBytes, "memory request " + request + " above the measured " + residentBytes);
        assertTrue(limit > request, "limit above the request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theGracePeriodCoversThePreStopPauseAndTheShutdownTimeout(String overlay) throws IOException {
        PodSpec pod = new Rendered(overlay).deployment().getSpec().getTemplate().getSpec();
        List<String> preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getExec().getCommand();
        assertEquals("sleep", preStop.get(0));
        long pause = Long.parseLong(preStop.get(1));
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
        long shutdown = Duration.parse("PT" + properties.getProperty("quarkus.shutdown.timeout").toUpperCase())
                .toSeconds();
        assertTrue(pod.getTerminationGracePeriodSeconds() > pause + shutdown,
                "grace " + pod.getTerminationGracePeriodSeconds() + " s > pause " + pause + " s + shutdown "
                        + shutdown + " s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void secretsComeFromSecretsAndTheDatabaseFromCloudNativePg(String overlay) {
        Rendered rendered = new Rendered(overlay);
        for (ConfigMap map : rendered.all(ConfigMap.class)) {
            for (String key : map.getData().keySet()) {
                assertFalse(key.matches(".*(SECRET|PASSWORD|TOKEN|PRIVATE_KEY|HASH_KEY).*"),
                        "secret-like key in a ConfigMap: " + key);
            }
        }
        Container container = rendered.deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
        String databaseCluster = rendered.custom("Cluster").path("metadata").path("name").asText();
        Map<String, String> secretOf = container.getEnv().stream().filter(e -> e.getValueFrom() != null)
                .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName()));
        assertEquals(databaseCluster + "-app", secretOf.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(databaseCluster + "-app", secretOf.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertTrue(secretOf.get("TOXGRADE_LOGGING_ID_HASH_KEY").startsWith("toxgrade-secrets"));
        assertTrue(secretOf.get("TOXGRADE_SUBSCRIPTION_SOURCES_EHR_SECRET").startsWith("toxgrade-secrets"));
        assertTrue(rendered.deployment().getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getSecret() != null && v.getSecret().getSecretName().startsWith("toxgrade-secrets")),
                "the SMART client key is mounted from the secret");
        Set<String> made = rendered.all(Secret.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(secretOf.values());
        missing.removeAll(made);
        missing.removeAll(EXTERNAL_SECRETS);
        assertEquals(Set.of(), missing, "secrets read but neither made nor documented as external");
    }

    @Test
    void productionMakesNoSecretOfItsOwn() {
        assertEquals(List.of(), new Rendered("production").all(Secret.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theServiceMonitorScrapesTheManagementPortOfAService(String overlay) {
        Rendered rendered = new Rendered(overlay);
        JsonNode monitor = rendered.custom("ServiceMonitor");
        Map<String, String> selector = json.convertValue(monitor.path("spec").path("selector").path("matchLabels"),
                json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        List<Service> selected = rendered.all(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
        assertEquals(1, selected.size(), "exactly one Service for the scraper");
        assertEquals(List.of("management"), selected.get(0).getSpec().getPorts().stream().map(p -> p.getName())
                .toList());
        assertEquals("management", monitor.path("spec").path("endpoints").path(0).path("port").asText());
        assertEquals("/q/metrics", monitor.path("spec").path("endpoints").path(0).path("path").asText());
    }

    /** One overlay, rendered, its built-in objects read strictly. */
    private static final class Rendered {

        private final List<HasMetadata> objects = new ArrayList<>();
        private final List<JsonNode> customs = new ArrayList<>();

        Rendered(String overlay) {
            for (JsonNode object : Kustomize.render(OVERLAYS.resolve(overlay))) {
                if (CustomResources.KNOWN.containsKey(StrictModel.typeOf(object))) {
                    customs.add(object);
                } else {
                    objects.add(StrictModel.read(object));
                }
            }
        }

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = all(type);
            assertEquals(1, found.size(), "one " + type.getSimpleName());
            return found.get(0);
        }

        Deployment deployment() {
            return one(Deployment.class);
        }

        JsonNode custom(String kind) {
            List<JsonNode> found = customs.stream().filter(c -> kind.equals(c.path("kind").asText())).toList();
            assertEquals(1, found.size(), "one " + kind);
            return found.get(0);
        }
    }
}
