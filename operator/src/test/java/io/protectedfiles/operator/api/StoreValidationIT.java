package io.protectedfiles.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.protectedfiles.operator.api.v1alpha1.DeletionPolicy;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real API server, given the committed CRD, refuses bad stores and names the field. */
class StoreValidationIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();

  static String namespace;

  @BeforeAll
  static void namespace() {
    namespace = kube.createNamespace("validation");
  }

  @Test
  void bucketNameWithUpperCaseIsRefused() {
    var store = Stores.store(namespace, "upper");
    store.getSpec().getBucket().setName("Team-Assets");

    assertThatThrownBy(() -> kube.client().resource(store).create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining("spec.bucket.name");
  }

  @Test
  void bucketNameLikeAnIpAddressIsRefused() {
    var store = Stores.store(namespace, "ip");
    store.getSpec().getBucket().setName("192.168.10.20");

    assertThatThrownBy(() -> kube.client().resource(store).create())
        .hasMessageContaining("spec.bucket.name")
        .hasMessageContaining("IP address");
  }

  @Test
  void unknownDeletionPolicyIsRefused() {
    var store = Stores.fromYaml(namespace, """
        apiVersion: protectedfiles.io/v1alpha1
        kind: ProtectedFileStore
        metadata:
          name: policy
        spec:
          bucket:
            deletionPolicy: Destroy
        """);

    assertThatThrownBy(() -> kube.client().resource(store).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.bucket.deletionPolicy")
        .hasMessageContaining("Retain");
  }

  @Test
  void aliasesWithoutACertificateAreRefused() {
    var store = Stores.fromYaml(namespace, """
        apiVersion: protectedfiles.io/v1alpha1
        kind: ProtectedFileStore
        metadata:
          name: aliases
        spec:
          distribution:
            aliases: [files.example.com]
        """);

    assertThatThrownBy(() -> kube.client().resource(store).create())
        .hasMessageContaining("spec.distribution.certificateArn")
        .hasMessageContaining("aliases need a certificateArn");
  }

  @Test
  void twoKeySourcesAtOnceAreRefused() {
    var store = Stores.fromYaml(namespace, """
        apiVersion: protectedfiles.io/v1alpha1
        kind: ProtectedFileStore
        metadata:
          name: keys
        spec:
          authorizer:
            keys:
              generate: ES256
              hs256SecretRef: {name: shared, key: secret}
        """);

    assertThatThrownBy(() -> kube.client().resource(store).create())
        .hasMessageContaining("spec.authorizer.keys")
        .hasMessageContaining("only one of generate, jwksSecretRef and hs256SecretRef");
  }

  @Test
  void anOriginWithAPathAndAReservedTagAreRefused() {
    var store = Stores.fromYaml(namespace, """
        apiVersion: protectedfiles.io/v1alpha1
        kind: ProtectedFileStore
        metadata:
          name: cors
        spec:
          cors:
            allowedOrigins: ["https://app.example.com/path"]
          tags:
            protectedfiles.io/uid: forged
        """);

    assertThatThrownBy(() -> kube.client().resource(store).create())
        .hasMessageContaining("spec.cors.allowedOrigins[0]")
        .hasMessageContaining("spec.tags")
        .hasMessageContaining("reserved");
  }

  @Test
  void bucketNameCannotBeChanged() {
    var store = Stores.store(namespace, "rename");
    store.getSpec().getBucket().setName("rename-before-" + namespace);
    var created = kube.client().resource(store).create();
    created.getSpec().getBucket().setName("rename-after-" + namespace);

    assertThatThrownBy(() -> kube.client().resource(created).update())
        .hasMessageContaining("spec.bucket.name")
        .hasMessageContaining("cannot be changed");
  }

  @Test
  void deletionPolicyDefaultsToRetain() {
    var created = kube.client().resource(Stores.store(namespace, "defaults")).create();

    assertThat(created.getSpec().getBucket().getDeletionPolicy()).isEqualTo(DeletionPolicy.Retain);
  }
}
