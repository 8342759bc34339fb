# The SageMaker capacity emulator. Build the jar first: mvn -B -DskipTests install
# BASE_IMAGE: any image with a Java 17+ runtime on its PATH (docker/build-base-image.sh makes one from
# Debian packages for machines without registry access).
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

# A user of its own: the emulator needs no privileges.
RUN (useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin emulator 2>/dev/null \
      || adduser -S -u 10001 -h /data emulator) \
    && mkdir -p /data /app && chown emulator /data

COPY emulator-server/target/sagemaker-emulator.jar /app/sagemaker-emulator.jar

ENV EMULATOR_HOST=0.0.0.0 \
    EMULATOR_PORT=4590 \
    EMULATOR_DATA_DIR=/data
EXPOSE 4590
VOLUME /data
USER 10001
WORKDIR /data

HEALTHCHECK --interval=5s --timeout=5s --start-period=20s --retries=5 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", "/app/sagemaker-emulator.jar", "io.github.capacityemulator.server.HealthCheck"]

# exec form: the JVM is PID 1 and gets docker stop's SIGTERM directly.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/app/sagemaker-emulator.jar"]
