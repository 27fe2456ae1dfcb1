# Build: the same wrapper command as a developer uses.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY fhir-profiles fhir-profiles
RUN ./mvnw -B -q package -DskipTests

# Run: JRE only, as a non-root user. In a container the database is external
# (QUARKUS_DATASOURCE_*); the embedded PostgreSQL is switched off so that a missing URL fails at
# start-up instead of silently keeping patient data inside the container.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 toxgrade && useradd --system --uid 10001 --gid toxgrade toxgrade
WORKDIR /app
COPY --from=build --chown=toxgrade:toxgrade /src/target/quarkus-app/ /app/
USER 10001
ENV TOXGRADE_EMBEDDED_DB_ENABLED=false \
    TOXGRADE_AUTH_LOCAL_KEYS=false \
    QUARKUS_HTTP_PORT=8080 \
    JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 9000
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
