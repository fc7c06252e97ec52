package io.protectedfiles.operator.aws.cloudfront;

import io.protectedfiles.operator.api.v1alpha1.OriginAccessType;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import java.util.Optional;

/**
 * CloudFront's API for one kind of origin access (OAI or OAC). Neither kind can be tagged, so a
 * store's one is recognised by a name derived from the store's uid.
 */
interface OriginAccessApi {

  OriginAccessType type();

  /** The store's origin access of this kind; read only. */
  Optional<ObservedOriginAccess> find(ProtectedFileStore store);

  ObservedOriginAccess desired(ProtectedFileStore store);

  /** Creates it, or takes the one an interrupted earlier attempt made. */
  ObservedOriginAccess create(ProtectedFileStore store);

  /** Puts back the settings the store wants. */
  ObservedOriginAccess update(ObservedOriginAccess observed, ProtectedFileStore store);

  /** Deletes it; false (and nothing changed) while a distribution still uses it. */
  boolean deleteUnlessInUse(ObservedOriginAccess observed);
}
