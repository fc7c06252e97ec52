package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.KeysSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.RotationSpec;
import io.protectedfiles.operator.api.v1alpha1.SecretKeyRef;
import io.protectedfiles.operator.api.v1alpha1.SigningAlgorithm;
import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.Stores;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where a store's edge keys come from, against a real API server. */
class SigningKeysIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();

  static String namespace;
  final SigningKeys signingKeys = new SigningKeys();
  final KubernetesClient client = kube.client();

  @BeforeAll
  static void createNamespace() {
    namespace = kube.createNamespace("signing-keys");
  }

  @Test
  void generatesAKeyPairOnceInASecretTheStoreOwns() throws Exception {
    ProtectedFileStore store = createStore();

    EdgeKeys keys = signingKeys.resolve(store, client);

    Secret secret = secret(store.getMetadata().getName() + "-signing-key");
    assertThat(keys.signingKeySecret()).isEqualTo(secret.getMetadata().getName());
    assertThat(secret.getType()).isEqualTo("Opaque");
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getUid()).isEqualTo(store.getMetadata().getUid());
      assertThat(owner.getKind()).isEqualTo("ProtectedFileStore");
      assertThat(owner.getApiVersion()).isEqualTo("protectedfiles.io/v1alpha1");
      assertThat(owner.getController()).isTrue();
      assertThat(owner.getBlockOwnerDeletion()).isTrue();
    });
    SigningKeySet stored = storedKeys(secret);
    assertThat(stored.signingAlgorithm()).isEqualTo(SigningAlgorithm.ES256);
    assertThat(keys.publicJwks()).isEqualTo(stored.publicJwks(null));
    assertThat(keys.publicJwks()).singleElement().satisfies(jwk ->
        assertThat(jwk).doesNotContainKeys(PublicJwks.PRIVATE_MEMBERS.toArray(String[]::new)));

    assertThat(signingKeys.resolve(store, client)).isEqualTo(keys);
    assertThat(secret(secret.getMetadata().getName()).getMetadata().getResourceVersion())
        .isEqualTo(secret.getMetadata().getResourceVersion());
  }

  @Test
  void aNewRotationGenerationAddsASigningKeyAndKeepsAcceptingTheOldOne() throws Exception {
    ProtectedFileStore store = createStore();
    String first = kids(signingKeys.resolve(store, client)).get(0);

    rotation(store, "2026-11", null);
    EdgeKeys rotated = signingKeys.resolve(store, client);

    Secret secret = secret(rotated.signingKeySecret());
    SigningKeySet stored = storedKeys(secret);
    assertThat(secret.getMetadata().getAnnotations()).containsEntry("protectedfiles.io/key-generation", "2026-11");
    assertThat(stored.signingKey().getId()).isNotEqualTo(first);
    assertThat(kids(rotated)).containsExactly(first, stored.signingKey().getId());
    assertThat(signingKeys.resolve(store, client)).isEqualTo(rotated);

    rotation(store, "2026-11", List.of());
    assertThat(kids(signingKeys.resolve(store, client))).containsExactly(stored.signingKey().getId());
  }

  @Test
  void anotherAlgorithmAddsAKeyOfThatAlgorithm() throws Exception {
    ProtectedFileStore store = createStore();
    signingKeys.resolve(store, client);

    keys(store).setGenerate(SigningAlgorithm.EdDSA);
    EdgeKeys keys = signingKeys.resolve(store, client);

    assertThat(storedKeys(secret(keys.signingKeySecret())).signingAlgorithm()).isEqualTo(SigningAlgorithm.EdDSA);
    assertThat(keys.publicJwks()).extracting(k -> k.get("alg")).containsExactly("ES256", "EdDSA");
  }

  @Test
  void neverTakesOverASecretItDidNotMake() {
    ProtectedFileStore store = createStore();
    createSecret(store.getMetadata().getName() + "-signing-key", Map.of("jwks.json", "{}"), List.of());

    assertThatThrownBy(() -> signingKeys.resolve(store, client))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("SigningKeySecretExists"));
  }

  @Test
  void waitsForTheSecretOfAnEarlierStoreOfTheSameNameToBeCollected() {
    ProtectedFileStore store = createStore();
    var earlier = new OwnerReference("protectedfiles.io/v1alpha1", true, true, "ProtectedFileStore",
        store.getMetadata().getName(), UUID.randomUUID().toString());
    createSecret(store.getMetadata().getName() + "-signing-key", Map.of("jwks.json", "{}"), List.of(earlier));

    assertThatThrownBy(() -> signingKeys.resolve(store, client))
        .isNotInstanceOf(TerminalFailure.class)
        .hasMessageContaining("earlier store");
  }

  @Test
  void readsPublicKeysFromTheNamedSecret() {
    ProtectedFileStore store = createStore();
    var idpKeys = List.of(ProvidedPublicKeysTest.publicKey(SigningAlgorithm.RS256));
    createSecret("idp-keys", Map.of("jwks", new String(CanonicalJson.write(Map.of("keys", idpKeys)), StandardCharsets.UTF_8)), List.of());
    keys(store).setJwksSecretRef(ref("idp-keys", "jwks"));

    EdgeKeys keys = signingKeys.resolve(store, client);

    assertThat(keys.publicJwks()).isEqualTo(idpKeys);
    assertThat(keys.signingKeySecret()).isNull();
    assertThat(client.secrets().inNamespace(namespace).withName(store.getMetadata().getName() + "-signing-key").get()).isNull();
  }

  @Test
  void refusesAMissingSecretAndPrivateKeys() {
    ProtectedFileStore store = createStore();
    keys(store).setJwksSecretRef(ref("absent", "jwks"));
    assertThatThrownBy(() -> signingKeys.resolve(store, client))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("KeysSecretMissing"));

    createSecret("leaked", Map.of("jwks", SigningKeySet.generate(SigningAlgorithm.ES256).toJson()), List.of());
    keys(store).setJwksSecretRef(ref("leaked", "jwks"));
    assertThatThrownBy(() -> signingKeys.resolve(store, client))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("InvalidKeys"))
        .hasMessageContaining("private member");
  }

  @Test
  void readsAnHs256SecretOfAtLeast32Bytes() {
    ProtectedFileStore store = createStore();
    createSecret("shared", Map.of("strong", "x".repeat(48), "weak", "x".repeat(16)), List.of());

    keys(store).setHs256SecretRef(ref("shared", "strong"));
    assertThat(signingKeys.resolve(store, client).publicJwks()).singleElement()
        .satisfies(jwk -> assertThat(jwk).containsEntry("kty", "oct").containsEntry("alg", "HS256"));

    keys(store).setHs256SecretRef(ref("shared", "weak"));
    assertThatThrownBy(() -> signingKeys.resolve(store, client))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("WeakSecret"));
  }

  private ProtectedFileStore createStore() {
    String name = "store-" + UUID.randomUUID().toString().substring(0, 8);
    return client.resource(Stores.store(namespace, name)).create();
  }

  private static KeysSpec keys(ProtectedFileStore store) {
    if (store.getSpec().getAuthorizer() == null) {
      store.getSpec().setAuthorizer(new AuthorizerSpec());
    }
    if (store.getSpec().getAuthorizer().getKeys() == null) {
      store.getSpec().getAuthorizer().setKeys(new KeysSpec());
    }
    return store.getSpec().getAuthorizer().getKeys();
  }

  private static void rotation(ProtectedFileStore store, String generation, List<String> acceptedKeyIds) {
    var rotation = new RotationSpec();
    rotation.setGeneration(generation);
    rotation.setAcceptedKeyIds(acceptedKeyIds);
    keys(store).setRotation(rotation);
  }

  private static SecretKeyRef ref(String name, String key) {
    var ref = new SecretKeyRef();
    ref.setName(name);
    ref.setKey(key);
    return ref;
  }

  private void createSecret(String name, Map<String, String> values, List<OwnerReference> owners) {
    client.resource(new SecretBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withOwnerReferences(owners).endMetadata()
        .withStringData(values)
        .build()).create();
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(namespace).withName(name).get();
  }

  private static SigningKeySet storedKeys(Secret secret) throws Exception {
    return SigningKeySet.parse(new String(Base64.getDecoder().decode(secret.getData().get("jwks.json")), StandardCharsets.UTF_8));
  }

  private static List<String> kids(EdgeKeys keys) {
    return keys.publicJwks().stream().map(k -> (String) k.get("kid")).toList();
  }
}
