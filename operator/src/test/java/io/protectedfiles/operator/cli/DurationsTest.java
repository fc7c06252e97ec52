package io.protectedfiles.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsShortFormsAndIso8601() throws Exception {
    assertThat(Durations.parse("90s", "ttl")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("15m", "ttl")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h", "ttl")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("2d", "ttl")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("PT15M", "ttl")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("P1DT2H", "ttl")).isEqualTo(Duration.ofHours(26));
  }

  @Test
  void refusesUnparsableAndNotPositive() {
    assertThatThrownBy(() -> Durations.parse("1 hour", "ttl")).hasMessageContaining("--ttl \"1 hour\" is not a duration");
    assertThatThrownBy(() -> Durations.parse("1w", "ttl")).hasMessageContaining("is not a duration");
    assertThatThrownBy(() -> Durations.parsePositive("0s", "ttl")).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Durations.parsePositive("-PT5M", "ttl")).hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Durations.parsePositive("PT0.5S", "ttl")).hasMessageContaining("must be positive");
  }
}
