package io.protectedfiles.operator.edge;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.SecretKeyRef;
import io.protectedfiles.operator.aws.TerminalFailure;
import java.util.Base64;

/** Reads one value of a Secret a store refers to, in the store's namespace. */
final class SecretValues {

  private SecretValues() {}

  /**
   * @param field where the reference is in the spec, for the message a person reads
   * @throws TerminalFailure (KeysSecretMissing) when the Secret or its key does not exist
   */
  static byte[] read(KubernetesClient client, String namespace, SecretKeyRef ref, String field) {
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
    String value = secret == null || secret.getData() == null ? null : secret.getData().get(ref.getKey());
    if (value == null) {
      // The operator does not watch Secrets: a Secret created later is read on the next resync.
      throw new TerminalFailure(
          "KeysSecretMissing",
          field + " names key " + ref.getKey() + " of Secret " + namespace + "/" + ref.getName()
              + ", which does not exist; create it (it is read again on the next resync)");
    }
    return Base64.getDecoder().decode(value);
  }
}
