package io.protectedfiles.operator.edge;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.KeysSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.SecretKeyRef;
import io.protectedfiles.operator.aws.TerminalFailure;
import java.util.List;

/**
 * The verification keys of a store's edge authorizer, from whichever source its spec names:
 * generated key pairs (the default), a Secret with the public JWKS of the application's identity
 * provider, or an HS256 shared secret.
 */
public final class SigningKeys {

  private final GeneratedSigningKeys generated = new GeneratedSigningKeys();

  /**
   * Generated keys are created (or rotated) in their Secret on the way, idempotently.
   *
   * @throws TerminalFailure when the keys can never work as given (InvalidKeys, WeakSecret,
   *     KeysSecretMissing, SigningKeySecretExists, SigningKeySecretInvalid)
   */
  public EdgeKeys resolve(ProtectedFileStore store, KubernetesClient client) {
    KeysSpec keys = store.specOrDefaults().authorizerOrDefaults().keysOrDefaults();
    String namespace = store.getMetadata().getNamespace();
    if (keys.getJwksSecretRef() != null) {
      SecretKeyRef ref = keys.getJwksSecretRef();
      byte[] jwks = SecretValues.read(client, namespace, ref, "spec.authorizer.keys.jwksSecretRef");
      return new EdgeKeys(ProvidedPublicKeys.parse(jwks, describe(namespace, ref)), null);
    }
    if (keys.getHs256SecretRef() != null) {
      SecretKeyRef ref = keys.getHs256SecretRef();
      byte[] secret = SecretValues.read(client, namespace, ref, "spec.authorizer.keys.hs256SecretRef");
      return new EdgeKeys(List.of(SharedSecretKey.jwk(secret, describe(namespace, ref))), null);
    }
    return generated.resolve(store, client);
  }

  private static String describe(String namespace, SecretKeyRef ref) {
    return "key " + ref.getKey() + " of Secret " + namespace + "/" + ref.getName();
  }
}
