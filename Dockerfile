# The service's image: built from source with the Maven wrapper, run on a JRE as a non-root user.
#
# Base images are pinned by digest, so a rebuild gets the same bytes until someone moves the pin on
# purpose. These are the multi-platform index digests of eclipse-temurin:17-jdk-noble and
# :17-jre-noble (JDK 17.0.20+8) as published in docker-library/repo-info
# (repos/eclipse-temurin/remote/17-jre-noble.md, 17-jdk-noble.md). To update: read the new digest
# there, or run `docker buildx imagetools inspect eclipse-temurin:17-jre-noble`, replace it below,
# and rebuild and test. ImageRulesTest refuses a FROM without a digest.

# ---- Build ----
FROM eclipse-temurin:17-jdk-noble@sha256:1acf864adb20be14ffa9039e44ba4c8e120e78a14492e67d67eafc6d5b52219a AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src/main src/main
COPY fhir-profiles fhir-profiles
# -Pcontainer leaves the embedded PostgreSQL binaries (about 76 MB for four platforms) out of the
# fast-jar: a container always uses an external server, and asked for the embedded one the service
# stops with TG-DB-016.
RUN ./mvnw -B -q package -DskipTests -Pcontainer

# ---- Run ----
# In a container the database is external (QUARKUS_DATASOURCE_*); the embedded PostgreSQL is switched
# off so that a missing URL fails at start-up instead of silently keeping patient data inside it.
FROM eclipse-temurin:17-jre-noble@sha256:76bf6d763e84e4d286d5ee3df61e4adeca214977f83c7d8d2327b93db582dd9d
RUN groupadd --system --gid 10001 toxgrade && useradd --system --uid 10001 --gid toxgrade toxgrade
WORKDIR /app
# The fast-jar in layers, least often changed first (as Quarkus's own Dockerfile.jvm does): a new
# build of the service changes only the last layers, and the dependencies' layer is reused.
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/lib/ /app/lib/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/*.jar /app/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/app/ /app/app/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/quarkus/ /app/quarkus/
USER 10001
ENV TOXGRADE_EMBEDDED_DB_ENABLED=false \
    TOXGRADE_AUTH_LOCAL_KEYS=false \
    QUARKUS_HTTP_PORT=8080 \
    JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 9000
# For plain Docker (Kubernetes uses its own probes): readiness on the management port.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://localhost:9000/q/health/ready"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
