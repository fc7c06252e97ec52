package io.protectedfiles.operator.aws.iam;

import java.util.Map;

/**
 * The IAM role the edge function runs as, as read from IAM (or as the operator wants it).
 *
 * @param managed whether the operator made the role for this store; false for the role the
 *     operator's configuration names, which is only used, never read or changed
 * @param trustPolicy who may assume the role (JSON, URL-decoded); null when not managed
 * @param logsPolicy the inline policy that lets the function write its logs; null when absent or
 *     not managed
 */
public record ObservedEdgeRole(
    String name, String arn, boolean managed, String trustPolicy, String logsPolicy, Map<String, String> tags) {

  public ObservedEdgeRole {
    tags = Map.copyOf(tags);
  }

  /** The existing role the operator's configuration names. */
  static ObservedEdgeRole configured(String arn) {
    return new ObservedEdgeRole(arn.substring(arn.lastIndexOf('/') + 1), arn, false, null, null, Map.of());
  }
}
