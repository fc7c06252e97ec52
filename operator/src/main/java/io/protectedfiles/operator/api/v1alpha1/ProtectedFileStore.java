package io.protectedfiles.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One protected file store: a private S3 bucket served through CloudFront, where every download
 * must carry a valid token.
 */
@Group(ProtectedFileStore.GROUP)
@Version(ProtectedFileStore.VERSION)
@ShortNames("pfs")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = Type.STRING)
@AdditionalPrinterColumn(name = "Domain", jsonPath = ".status.distribution.domainName", type = Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class ProtectedFileStore extends CustomResource<ProtectedFileStoreSpec, ProtectedFileStoreStatus>
    implements Namespaced {

  public static final String GROUP = "protectedfiles.io";
  public static final String VERSION = "v1alpha1";

  /** The spec, empty (all defaults) when the resource has none. */
  public ProtectedFileStoreSpec specOrDefaults() {
    return getSpec() == null ? new ProtectedFileStoreSpec() : getSpec();
  }

  // No initSpec/initStatus defaults: java-operator-sdk builds fresh instances for its server-side
  // apply patches (adding the finalizer), and any Java-side default would be applied over the
  // user's spec. Defaults live in the CRD schema instead.
}
