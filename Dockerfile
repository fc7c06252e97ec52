# The operator's image, built from source (no local Maven needed):
#   docker build -t REGISTRY/protected-file-store-operator:TAG .
# `mvn -pl operator compile jib:build -Dimage=...` builds an equivalent image without a Docker daemon.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Tests need a kube-apiserver and the AWS emulator (local-env/); CI runs them, the image build does not.
RUN mvn -B -ntp -pl operator -am package -DskipTests

# A JRE and nothing else: no shell, no package manager.
FROM gcr.io/distroless/java17-debian12:nonroot
COPY --from=build /src/operator/target/protected-file-store-operator-all.jar /app/operator.jar
# The same numeric user the chart's restricted securityContext expects.
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/usr/bin/java", "-jar", "/app/operator.jar"]
CMD ["run"]
