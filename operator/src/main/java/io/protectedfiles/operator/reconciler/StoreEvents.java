package io.protectedfiles.operator.reconciler;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kubernetes Events on a store, for the transitions a person wants in `kubectl describe`. */
public class StoreEvents {

  private static final Logger log = LoggerFactory.getLogger(StoreEvents.class);
  private static final String COMPONENT = "protected-file-store-operator";

  private final KubernetesClient client;

  public StoreEvents(KubernetesClient client) {
    this.client = client;
  }

  public void normal(ProtectedFileStore store, String reason, String message) {
    emit(store, "Normal", reason, message);
  }

  public void warning(ProtectedFileStore store, String reason, String message) {
    emit(store, "Warning", reason, message);
  }

  private void emit(ProtectedFileStore store, String type, String reason, String message) {
    var meta = store.getMetadata();
    String now = Instant.now().toString();
    var event = new EventBuilder()
        .withNewMetadata()
        .withGenerateName(meta.getName() + ".")
        .withNamespace(meta.getNamespace())
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(store.getApiVersion())
            .withKind(store.getKind())
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .withUid(meta.getUid())
            .withResourceVersion(meta.getResourceVersion())
            .build())
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy: failing to record one must not fail the reconcile.
      log.warn("could not record event {} on {}/{}: {}", reason, meta.getNamespace(), meta.getName(), e.getMessage());
    }
  }
}
