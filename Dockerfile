# syntax=docker/dockerfile:1

FROM maven:3.9-eclipse-temurin-17 AS build
# The build bundles the web app with npm.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
COPY src ./src
COPY web ./web
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
# The CJK font the PDF export embeds (a subset of it) so that Chinese prints as text, not boxes.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system yantao \
 && useradd --system --gid yantao --home-dir /app --no-create-home --shell /usr/sbin/nologin yantao \
 && mkdir -p /app /data \
 && chown yantao:yantao /data
COPY --from=build /src/target/yantao.jar /app/yantao.jar
USER yantao
WORKDIR /app
# Listen on every interface of the container; the data directory is the volume, so that the
# database and the organiser key survive a new container.
ENV YANTAO_HOST=0.0.0.0 YANTAO_DATA_DIR=/data
EXPOSE 8080
VOLUME /data
# Shenandoah collects concurrently: no collection pause holds up every connection at once (with G1,
# young pauses set the latency tail; see docs/benchmarks.md).
CMD ["java", "-XX:+UseShenandoahGC", "-jar", "/app/yantao.jar"]
