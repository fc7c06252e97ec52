package io.protectedfiles.operator.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many stores are Ready and how many are not, as the reconciler last reported them. Only the
 * replica that leads reconciles, so the others report none: sum over replicas in queries.
 */
public final class StoreConditionMetrics {

  public static final String NAME = "pfs.stores";

  private final Map<String, Boolean> readiness = new ConcurrentHashMap<>();

  public StoreConditionMetrics(MeterRegistry registry) {
    for (boolean ready : new boolean[] {true, false}) {
      Gauge.builder(NAME, readiness, r -> count(r, ready))
          .description("Stores by their Ready condition")
          .tag("ready", String.valueOf(ready))
          .strongReference(true)
          .register(registry);
    }
  }

  /** After a reconcile: the store's Ready condition as written to its status. */
  public void record(String namespace, String name, boolean ready) {
    readiness.put(key(namespace, name), ready);
  }

  /** After the store is deleted. */
  public void forget(String namespace, String name) {
    readiness.remove(key(namespace, name));
  }

  private static double count(Map<String, Boolean> readiness, boolean ready) {
    return readiness.values().stream().filter(r -> r == ready).count();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
