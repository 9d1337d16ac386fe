# syntax=docker/dockerfile:1
# newsbrief: build with Maven and JDK 21, run on a JRE 21 as a non-root user.
#
#   docker build -t newsbrief .
#   docker run -d --name newsbrief -e TELEGRAM_BOT_TOKEN=123456:ABC... -v newsbrief:/data -p 8080:8080 newsbrief
#
# The data (SQLite and the Lucene index) lives in the /data volume; the first start ingests the
# seeds shipped in /app/seeds. Mount your settings at /app/config/newsbrief.yaml; NEWSBRIEF_*
# variables (-e) override both files. DockerImageIT (src/test) runs exactly this ENTRYPOINT + CMD.

FROM maven:3-eclipse-temurin-21 AS build
WORKDIR /build
# dependencies first, so source edits reuse the cached layer
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY config ./config
COPY src ./src
# the tests run in CI (mvn verify); the image build only packages
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:21-jre
# curl serves the HEALTHCHECK; the app runs as an unprivileged user that owns only /data
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 newsbrief \
 && useradd --system --uid 10001 --gid newsbrief --home-dir /app --no-create-home newsbrief \
 && mkdir -p /data \
 && chown newsbrief:newsbrief /data
WORKDIR /app
COPY --from=build /build/target/newsbrief.jar /app/newsbrief.jar
COPY config/newsbrief.yaml /app/config/newsbrief.yaml
COPY seeds /app/seeds
# data in the volume; listen beyond localhost so the health probe and Prometheus reach /healthz and /metrics
# XDG_CACHE_HOME: onnxruntime's native libraries are unpacked there once, not into a new /tmp directory per start
ENV NEWSBRIEF_DATA_DIR=/data \
    XDG_CACHE_HOME=/tmp/newsbrief-cache \
    NEWSBRIEF_DATA_SEEDS=/app/seeds \
    NEWSBRIEF_OPS_HTTP_BIND=0.0.0.0 \
    NEWSBRIEF_OPS_HTTP_PORT=8080
VOLUME ["/data"]
USER newsbrief
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
# heap sized from the container's memory limit; exit (and let Docker restart) rather than limp on after an OOM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/newsbrief.jar"]
CMD ["run"]
