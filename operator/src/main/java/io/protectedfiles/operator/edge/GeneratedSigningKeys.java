package io.protectedfiles.operator.edge;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.protectedfiles.operator.api.v1alpha1.KeysSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.RotationSpec;
import io.protectedfiles.operator.api.v1alpha1.SigningAlgorithm;
import io.protectedfiles.operator.aws.TerminalFailure;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key pairs the operator generates for a store, kept in a Secret the store owns (so Kubernetes
 * deletes it with the store) for the application to sign tokens with. Keys are only ever added:
 * a new one when the store asks for a rotation or another algorithm, never a replacement, because
 * replacing the key would invalidate every token already handed out.
 */
final class GeneratedSigningKeys {

  static final String GENERATION_ANNOTATION = "protectedfiles.io/key-generation";

  private static final Logger log = LoggerFactory.getLogger(GeneratedSigningKeys.class);

  EdgeKeys resolve(ProtectedFileStore store, KubernetesClient client) {
    KeysSpec keys = store.specOrDefaults().authorizerOrDefaults().keysOrDefaults();
    RotationSpec rotation = keys.getRotation() == null ? new RotationSpec() : keys.getRotation();
    String secretName = EdgeNames.signingKeySecret(store);
    Secret secret = client.secrets().inNamespace(store.getMetadata().getNamespace()).withName(secretName).get();
    if (secret == null) {
      secret = create(store, client, keys.generateOrDefault(), rotation.getGeneration());
    }
    requireOwnedBy(store, secret);
    SigningKeySet keySet = read(secret);
    if (needsNewKey(keySet, secret, keys.generateOrDefault(), rotation.getGeneration())) {
      keySet = keySet.withNewKey(keys.generateOrDefault());
      // Sent with the resourceVersion read above: a concurrent change makes this fail and retry.
      client.resource(withKeys(secret, keySet, rotation.getGeneration())).update();
      log.info("store {}/{}: added signing key {} to Secret {}", store.getMetadata().getNamespace(),
          store.getMetadata().getName(), keySet.signingKey().getId(), secretName);
    }
    return new EdgeKeys(keySet.publicJwks(rotation.getAcceptedKeyIds()), secretName);
  }

  private static boolean needsNewKey(SigningKeySet keySet, Secret secret, SigningAlgorithm algorithm, String generation) {
    if (keySet.signingAlgorithm() != algorithm) {
      return true;
    }
    // No generation asked for means no rotation asked for, whatever the Secret recorded.
    return generation != null && !generation.equals(annotation(secret));
  }

  private Secret create(ProtectedFileStore store, KubernetesClient client, SigningAlgorithm algorithm, String generation) {
    Secret fresh = new SecretBuilder()
        .withNewMetadata()
        .withName(EdgeNames.signingKeySecret(store))
        .withNamespace(store.getMetadata().getNamespace())
        .addToLabels("app.kubernetes.io/managed-by", "protected-file-store-operator")
        .addToLabels("protectedfiles.io/store", store.getMetadata().getName())
        .withOwnerReferences(ownerReference(store))
        .endMetadata()
        .withType("Opaque")
        .build();
    SigningKeySet keySet = SigningKeySet.generate(algorithm);
    try {
      Secret created = client.resource(withKeys(fresh, keySet, generation)).create();
      log.info("store {}/{}: generated {} signing key {} in Secret {}", store.getMetadata().getNamespace(),
          store.getMetadata().getName(), algorithm, keySet.signingKey().getId(), fresh.getMetadata().getName());
      return created;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // Made by an attempt that crashed before reporting it: use what is there, never replace it.
      Secret existing = client.resource(fresh).get();
      if (existing == null) {
        throw new IllegalStateException("Secret " + fresh.getMetadata().getName() + " was deleted while being created");
      }
      return existing;
    }
  }

  private static Secret withKeys(Secret secret, SigningKeySet keySet, String generation) {
    Map<String, String> annotations = new HashMap<>(Objects.requireNonNullElse(secret.getMetadata().getAnnotations(), Map.of()));
    if (generation != null) {
      annotations.put(GENERATION_ANNOTATION, generation);
    }
    return new SecretBuilder(secret)
        .editMetadata().withAnnotations(annotations).endMetadata()
        .withData(Map.of(EdgeNames.SIGNING_KEYS_DATA_KEY, Base64.getEncoder().encodeToString(keySet.toJson().getBytes(StandardCharsets.UTF_8))))
        .withStringData(null)
        .build();
  }

  private static SigningKeySet read(Secret secret) {
    String encoded = secret.getData() == null ? null : secret.getData().get(EdgeNames.SIGNING_KEYS_DATA_KEY);
    try {
      if (encoded == null) {
        throw new IOException("it has no " + EdgeNames.SIGNING_KEYS_DATA_KEY);
      }
      return SigningKeySet.parse(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      throw new TerminalFailure(
          "SigningKeySecretInvalid",
          "Secret " + secret.getMetadata().getName() + " does not hold the signing keys the operator wrote ("
              + e.getMessage() + "); delete it to have new keys generated (tokens signed with the old ones stop working)");
    }
  }

  private static void requireOwnedBy(ProtectedFileStore store, Secret secret) {
    var owners = Objects.requireNonNullElse(secret.getMetadata().getOwnerReferences(), List.<OwnerReference>of());
    if (owners.stream().anyMatch(o -> store.getMetadata().getUid().equals(o.getUid()))) {
      return;
    }
    boolean earlierStore = owners.stream().anyMatch(o -> ProtectedFileStore.class.getSimpleName().equals(o.getKind())
        && store.getMetadata().getName().equals(o.getName()) && Boolean.TRUE.equals(o.getController()));
    if (earlierStore) {
      // Its store is gone (a name is not reused while its store exists): Kubernetes deletes the
      // Secret with it shortly, and a retry generates new keys then.
      throw new IllegalStateException("Secret " + secret.getMetadata().getName()
          + " still holds the keys of an earlier store of this name; waiting for Kubernetes to delete it");
    }
    throw new TerminalFailure(
        "SigningKeySecretExists",
        "Secret " + secret.getMetadata().getName() + " exists and was not made for this store; rename or delete it,"
            + " or name a key source in spec.authorizer.keys");
  }

  private static OwnerReference ownerReference(ProtectedFileStore store) {
    return new OwnerReferenceBuilder()
        .withApiVersion(ProtectedFileStore.GROUP + "/" + ProtectedFileStore.VERSION)
        .withKind(ProtectedFileStore.class.getSimpleName())
        .withName(store.getMetadata().getName())
        .withUid(store.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  private static String annotation(Secret secret) {
    var annotations = secret.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(GENERATION_ANNOTATION);
  }
}
