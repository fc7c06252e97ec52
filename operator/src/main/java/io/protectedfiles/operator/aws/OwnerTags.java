package io.protectedfiles.operator.aws;

import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.util.Map;

/**
 * The tags that mark an AWS resource as belonging to one ProtectedFileStore. The operator never
 * changes or deletes a resource whose tags name another store.
 */
public record OwnerTags(String namespace, String name, String uid) {

  public static final String NAMESPACE_KEY = "protectedfiles.io/namespace";
  public static final String NAME_KEY = "protectedfiles.io/name";
  public static final String UID_KEY = "protectedfiles.io/uid";

  public static OwnerTags of(ProtectedFileStore store) {
    return new OwnerTags(
        store.getMetadata().getNamespace(),
        store.getMetadata().getName(),
        store.getMetadata().getUid());
  }

  public Map<String, String> asMap() {
    return Map.of(NAMESPACE_KEY, namespace, NAME_KEY, name, UID_KEY, uid);
  }

  /** Every tag a store's AWS resources carry: spec.tags plus the ownership tags, which win. */
  public static Map<String, String> resourceTags(ProtectedFileStore store) {
    Map<String, String> tags = new java.util.TreeMap<>(store.specOrDefaults().tagsOrEmpty());
    tags.putAll(of(store).asMap());
    return Map.copyOf(tags);
  }

  /** Who the given tags say a resource belongs to, seen from this store. */
  public Ownership ownershipOf(Map<String, String> tags) {
    String taggedUid = tags.get(UID_KEY);
    if (taggedUid == null) {
      return Ownership.UNTAGGED;
    }
    if (taggedUid.equals(uid)) {
      return Ownership.THIS_STORE;
    }
    // A store deleted with deletionPolicy Retain and created again under the same name is the same
    // owner from the user's point of view: its retained bucket is taken back, not refused.
    if (namespace.equals(tags.get(NAMESPACE_KEY)) && name.equals(tags.get(NAME_KEY))) {
      return Ownership.EARLIER_STORE_OF_SAME_NAME;
    }
    return Ownership.ANOTHER_STORE;
  }

  /**
   * Refuses, as a terminal failure, to change a resource that its tags do not give to this store:
   * one the operator did not make, or one made for another store (or an earlier one of this name,
   * whose resources are named after its own uid).
   *
   * @param kind the resource's kind in the failure's reason, such as EdgeRole
   * @param description the resource for a person, such as "IAM role pfs-edge-..."
   */
  public void requireOwns(Map<String, String> tags, String kind, String description) {
    switch (ownershipOf(tags)) {
      case THIS_STORE -> {}
      case UNTAGGED -> throw new TerminalFailure(
          kind + "NotManaged", description + " exists but was not made by the operator; delete or rename it");
      case ANOTHER_STORE, EARLIER_STORE_OF_SAME_NAME -> throw new TerminalFailure(
          kind + "OwnedByAnotherStore", description + " belongs to store " + describe(tags));
    }
  }

  public String describe() {
    return namespace + "/" + name;
  }

  public static String describe(Map<String, String> tags) {
    return tags.getOrDefault(NAMESPACE_KEY, "?") + "/" + tags.getOrDefault(NAME_KEY, "?");
  }

  public enum Ownership {
    THIS_STORE,
    EARLIER_STORE_OF_SAME_NAME,
    ANOTHER_STORE,
    UNTAGGED
  }
}
