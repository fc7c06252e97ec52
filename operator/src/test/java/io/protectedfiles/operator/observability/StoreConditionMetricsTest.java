package io.protectedfiles.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreConditionMetricsTest {

  final OperatorMetrics metrics = new OperatorMetrics();
  final StoreConditionMetrics stores = metrics.storeConditions();

  @Test
  void countsStoresByReadinessAsLastRecorded() {
    stores.record("acme", "team-assets", true);
    stores.record("acme", "reports", false);
    stores.record("beta", "team-assets", false);
    stores.record("acme", "reports", true);

    assertThat(gauge(true)).isEqualTo(2);
    assertThat(gauge(false)).isEqualTo(1);
  }

  @Test
  void aDeletedStoreIsNoLongerCounted() {
    stores.record("acme", "team-assets", false);

    stores.forget("acme", "team-assets");

    assertThat(gauge(false)).isZero();
  }

  private double gauge(boolean ready) {
    return metrics.registry().get(StoreConditionMetrics.NAME).tag("ready", String.valueOf(ready)).gauge().value();
  }
}
