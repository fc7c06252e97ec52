package io.protectedfiles.operator.testsupport;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.protectedfiles.operator.api.v1alpha1.BucketSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreSpec;
import java.util.Optional;

/** Builds stores for tests and reads their conditions. */
public final class Stores {

  private Stores() {}

  public static ProtectedFileStore store(String namespace, String name) {
    var store = new ProtectedFileStore();
    store.getMetadata().setNamespace(namespace);
    store.getMetadata().setName(name);
    store.setSpec(new ProtectedFileStoreSpec());
    store.getSpec().setBucket(new BucketSpec());
    return store;
  }

  /** A resource as a user could write it, including what the Java types cannot represent. */
  public static GenericKubernetesResource fromYaml(String namespace, String yaml) {
    var resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    resource.getMetadata().setNamespace(namespace);
    return resource;
  }

  public static Optional<Condition> condition(ProtectedFileStore store, String type) {
    if (store == null || store.getStatus() == null) {
      return Optional.empty();
    }
    return store.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public static boolean isTrue(ProtectedFileStore store, String type) {
    return condition(store, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }
}
