package io.protectedfiles.operator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.testsupport.Stores;
import org.junit.jupiter.api.Test;

class EdgeNamesTest {

  @Test
  void namesAreDerivedFromTheStoreAlone() {
    var store = store("acme", "team-assets", "0d9c5a5e-1f0b-4c1e-9d55-3c4f6f2b1a00");

    assertThat(EdgeNames.functionName(store)).isEqualTo(EdgeNames.functionName(store("acme", "team-assets",
        "0d9c5a5e-1f0b-4c1e-9d55-3c4f6f2b1a00")));
    assertThat(EdgeNames.functionName(store)).startsWith("pfs-edge-acme-team-assets-").hasSize(9 + 17 + 12);
    assertThat(EdgeNames.roleName(store)).isEqualTo(EdgeNames.functionName(store));
    assertThat(EdgeNames.signingKeySecret(store)).isEqualTo("team-assets-signing-key");
  }

  @Test
  void aStoreCreatedAgainUnderTheSameNameGetsAnotherFunction() {
    assertThat(EdgeNames.functionName(store("acme", "team-assets", "uid-1")))
        .isNotEqualTo(EdgeNames.functionName(store("acme", "team-assets", "uid-2")));
  }

  @Test
  void longNamesAreCutToWhatLambdaAndIamAllow() {
    String name = "a.very-long-store-name-that-goes-on-and-on.and-on-and-on-and-on";
    var store = store("a-namespace-with-a-long-name-as-well-as-that", name, "uid-1");

    assertThat(EdgeNames.functionName(store)).hasSizeLessThanOrEqualTo(64).matches("[a-z0-9-]+");
    assertThat(EdgeNames.functionName(store)).isNotEqualTo(EdgeNames.functionName(
        store("a-namespace-with-a-long-name-as-well-as-that", name, "uid-2")));
  }

  static ProtectedFileStore store(String namespace, String name, String uid) {
    var store = Stores.store(namespace, name);
    store.getMetadata().setUid(uid);
    return store;
  }
}
