package io.protectedfiles.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;

/** Reads the store a command names, with a message a person can act on when it cannot. */
final class StoreReader {

  private StoreReader() {}

  static ProtectedFileStore read(KubernetesClient client, String namespace, String name) throws CommandFailure {
    ProtectedFileStore store;
    try {
      store = client.resources(ProtectedFileStore.class).inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw new CommandFailure("cannot read store " + namespace + "/" + name + " from " + client.getMasterUrl() + ": "
          + e.getMessage());
    }
    if (store == null) {
      throw new CommandFailure("store " + namespace + "/" + name + " does not exist (kubectl get pfs -n " + namespace + ")");
    }
    return store;
  }

  /** The namespace given (--namespace), else the kubeconfig context's. */
  static String namespace(String given, KubernetesClient client) throws UsageError {
    String namespace = given != null ? given : client.getNamespace();
    if (namespace == null || namespace.isBlank()) {
      throw new UsageError("--namespace is required (the kubeconfig context names none)");
    }
    return namespace;
  }
}
