package io.protectedfiles.operator.reconciler;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a store's conditions the Kubernetes way: lastTransitionTime moves only when a condition's
 * status changes, so `kubectl wait` and Argo CD see real transitions, not every reconcile.
 */
final class Conditions {

  static final String READY = "Ready";
  static final String TRUE = "True";
  static final String FALSE = "False";
  static final String UNKNOWN = "Unknown";

  private final List<Condition> previous;
  private final long generation;
  private final Clock clock;
  private final List<Condition> next = new ArrayList<>();

  Conditions(List<Condition> previous, long generation, Clock clock) {
    this.previous = previous == null ? List.of() : previous;
    this.generation = generation;
    this.clock = clock;
  }

  Conditions set(String type, String status, String reason, String message) {
    Condition before = previous.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String since = before != null && Objects.equals(before.getStatus(), status)
        ? before.getLastTransitionTime()
        : Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    next.removeIf(c -> type.equals(c.getType()));
    next.add(new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build());
    return this;
  }

  boolean allTrue() {
    return next.stream().filter(c -> !READY.equals(c.getType())).allMatch(c -> TRUE.equals(c.getStatus()));
  }

  List<Condition> build() {
    return List.copyOf(next);
  }
}
