package io.protectedfiles.operator.aws.lambda;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * The settings of a Lambda function (or of one of its versions) that the edge depends on. Lambda@Edge
 * refuses a function with environment variables or layers, so their absence is part of what is
 * wanted.
 */
public record FunctionSettings(
    String runtime,
    String handler,
    String roleArn,
    int memorySize,
    int timeout,
    Map<String, String> environment,
    List<String> layers) {

  public FunctionSettings {
    environment = Map.copyOf(environment);
    layers = List.copyOf(layers);
  }

  static FunctionSettings of(FunctionConfiguration configuration) {
    return new FunctionSettings(
        configuration.runtimeAsString(),
        configuration.handler(),
        configuration.role(),
        Objects.requireNonNullElse(configuration.memorySize(), 0),
        Objects.requireNonNullElse(configuration.timeout(), 0),
        configuration.environment() == null || configuration.environment().variables() == null
            ? Map.of()
            : configuration.environment().variables(),
        configuration.layers().stream().map(Layer::arn).toList());
  }
}
