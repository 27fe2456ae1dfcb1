package org.toxgrade.subscription;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.toxgrade.ehr.EhrClient;
import org.toxgrade.ehr.EhrSettings;

/**
 * The configured sources: the EHR of {@code toxgrade.ehr.*} as source {@code ehr} (through the write-back
 * client, its authentication and circuit breaker), plus every {@code toxgrade.subscription.sources.<name>}
 * with a base URL. Empty while {@code toxgrade.subscription.enabled} is false.
 */
@Singleton
public class Sources {

    private static final Logger LOG = Logger.getLogger(Sources.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    private final Map<String, EhrSource> byName = new LinkedHashMap<>();

    public Sources(SubscriptionSettings config, EhrSettings ehrConfig, EhrClient ehr, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        TreeSet<String> names = new TreeSet<>(config.sources().keySet());
        names.add(SubscriptionSettings.PRIMARY);
        for (String name : names) {
            SubscriptionSettings.Source source = config.sources().get(name);
            boolean primary = SubscriptionSettings.PRIMARY.equals(name);
            Optional<String> base = source.baseUrl().or(() -> primary ? ehr.baseUrl() : Optional.empty())
                    .map(String::trim).filter(s -> !s.isEmpty())
                    .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (base.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException(SubscriptionError.SOURCE_NAME_INVALID.message(name));
            }
            SourceClient client = primary && source.baseUrl().isEmpty()
                    ? ehr::request
                    : new PlainSourceClient(vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) ehrConfig.connectTimeout().toMillis()).setMaxPoolSize(4)),
                            base.get(), source.bearerToken(), ehrConfig.connectTimeout(), ehrConfig.readTimeout());
            // R4 servers (HAPI FHIR among them) take criteria only as "Type?[params]".
            List<String> criteria = source.criteria().stream().map(String::trim).filter(c -> !c.isEmpty())
                    .map(c -> c.contains("?") ? c : c + "?").toList();
            byName.put(name, new EhrSource(name, base.get(), source.secret().filter(s -> !s.isBlank()),
                    source.secretHeader(), criteria, source.payload(), source.register(), client));
        }
    }

    void announce(@Observes StartupEvent event, SubscriptionSettings config) {
        if (!config.enabled()) {
            LOG.info("Receiving from EHR subscriptions is off (toxgrade.subscription.enabled=false)");
            return;
        }
        if (byName.isEmpty()) {
            LOG.warn(SubscriptionError.NO_SOURCE.message());
        }
        if (config.publicBaseUrl().isEmpty()) {
            LOG.warn(SubscriptionError.NO_PUBLIC_BASE_URL.message());
        }
        for (EhrSource source : byName.values()) {
            if (source.secret().isEmpty()) {
                LOG.warn(SubscriptionError.SOURCE_WITHOUT_SECRET.message(source.name()));
            }
            LOG.infof("Receiving from source %s at %s: %d criteria, payload %s, registration %s", source.name(),
                    PlainSourceClient.origin(source.baseUrl()), source.criteria().size(),
                    source.payload().name().toLowerCase().replace('_', '-'), source.register() ? "on" : "off");
        }
    }

    public List<EhrSource> all() {
        return List.copyOf(byName.values());
    }

    public Optional<EhrSource> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}
