package io.protectedfiles.operator.aws.iam;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Reading and removing the edge roles the operator makes; shared by the role itself and the sweep. */
public final class EdgeRoles {

  private EdgeRoles() {}

  /** The role with its trust policy, inline logs policy and tags; empty when it does not exist. */
  static Optional<ObservedEdgeRole> read(IamClient iam, String name) {
    Role role;
    try {
      role = iam.getRole(r -> r.roleName(name)).role();
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
    return Optional.of(new ObservedEdgeRole(
        role.roleName(), role.arn(), true, decoded(role.assumeRolePolicyDocument()), logsPolicy(iam, name), tags(role.tags())));
  }

  /** Every role under the operator's path, whoever it belongs to. */
  public static List<Role> listAll(IamClient iam) {
    return iam.listRolesPaginator(r -> r.pathPrefix(EdgeRolePolicies.PATH)).roles().stream().toList();
  }

  /** The role's tags; empty when the role does not exist. */
  public static Optional<Map<String, String>> tagsOf(IamClient iam, String name) {
    try {
      return Optional.of(tags(iam.listRoleTagsPaginator(r -> r.roleName(name)).tags().stream().toList()));
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }

  /** Deletes the role and its policies (IAM refuses to delete a role that still has any). */
  public static void delete(IamClient iam, String name) {
    try {
      for (String policy : iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()) {
        iam.deleteRolePolicy(r -> r.roleName(name).policyName(policy));
      }
      for (var attached : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()) {
        iam.detachRolePolicy(r -> r.roleName(name).policyArn(attached.policyArn()));
      }
      iam.deleteRole(r -> r.roleName(name));
    } catch (NoSuchEntityException e) {
      // Already gone: what deleting wanted.
    }
  }

  private static String logsPolicy(IamClient iam, String roleName) {
    try {
      return decoded(iam.getRolePolicy(r -> r.roleName(roleName).policyName(EdgeRolePolicies.LOGS_POLICY_NAME)).policyDocument());
    } catch (NoSuchEntityException e) {
      return null;
    }
  }

  /** IAM returns policy documents URL-encoded (RFC 3986: a space is %20, a plus %2B). */
  private static String decoded(String document) {
    if (document == null || document.stripLeading().startsWith("{")) {
      return document;
    }
    return URLDecoder.decode(document, StandardCharsets.UTF_8);
  }

  private static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b));
  }
}
