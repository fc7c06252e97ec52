package io.protectedfiles.operator.observability;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The operator's Prometheus metrics and what feeds them: the JVM, java-operator-sdk's reconciles,
 * every AWS call, and the stores' readiness as the reconciler reports it.
 */
public final class OperatorMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Per-resource meters would grow with every store ever seen; the store gauge covers readiness.
  private final Metrics reconciles = MicrometerMetrics.withoutPerResourceMetrics(registry);
  private final AwsCallMetrics awsCalls = new AwsCallMetrics(registry);
  private final StoreConditionMetrics storeConditions = new StoreConditionMetrics(registry);

  public OperatorMetrics() {
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** For java-operator-sdk: {@code ConfigurationServiceOverrider.withMetrics}. */
  public Metrics reconciles() {
    return reconciles;
  }

  /** For the AWS clients: counts and times every call. */
  public ExecutionInterceptor awsCalls() {
    return awsCalls;
  }

  public StoreConditionMetrics storeConditions() {
    return storeConditions;
  }

  MeterRegistry registry() {
    return registry;
  }

  /** Every metric in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
