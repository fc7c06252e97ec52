package io.protectedfiles.operator.aws.iam;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.s3.PolicyDocuments;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.edge.EdgeNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The IAM role a store's edge function runs as: trusted by lambda and edgelambda (Lambda@Edge
 * requires both), allowed to write the function's logs and nothing else, tagged for the store.
 * Organisations that do not let the operator create roles name one in the operator's
 * configuration instead; that role is used as it is and never changed.
 */
public class EdgeRole extends AwsResource<ObservedEdgeRole> {

  private static final Logger log = LoggerFactory.getLogger(EdgeRole.class);

  private final AwsClients aws;
  private final OperatorSettings settings;

  public EdgeRole(AwsClients aws, OperatorSettings settings) {
    super(ObservedEdgeRole.class);
    this.aws = aws;
    this.settings = settings;
  }

  @Override
  public String describe() {
    return "edge function role";
  }

  @Override
  protected Optional<ObservedEdgeRole> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    if (settings.edgeRoleArn() != null) {
      return Optional.of(ObservedEdgeRole.configured(settings.edgeRoleArn()));
    }
    return EdgeRoles.read(iam(), EdgeNames.roleName(store));
  }

  @Override
  protected ObservedEdgeRole desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    if (settings.edgeRoleArn() != null) {
      return ObservedEdgeRole.configured(settings.edgeRoleArn());
    }
    String name = EdgeNames.roleName(store);
    return new ObservedEdgeRole(
        name,
        null,
        true,
        EdgeRolePolicies.TRUST_POLICY,
        EdgeRolePolicies.logsPolicy(EdgeNames.functionName(store)),
        OwnerTags.resourceTags(store));
  }

  @Override
  protected boolean matches(ObservedEdgeRole observed, ObservedEdgeRole desired) {
    if (!desired.managed()) {
      return observed.arn().equals(desired.arn());
    }
    return observed.managed()
        && PolicyDocuments.sameMeaning(observed.trustPolicy(), desired.trustPolicy())
        && observed.logsPolicy() != null
        && PolicyDocuments.sameMeaning(observed.logsPolicy(), desired.logsPolicy())
        && observed.tags().entrySet().containsAll(desired.tags().entrySet());
  }

  @Override
  public ObservedEdgeRole create(ObservedEdgeRole desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    IamClient iam = iam();
    try {
      // Tagged in the same call: the role is recognisably this store's from its first moment.
      iam.createRole(r -> r.roleName(desired.name())
          .path(EdgeRolePolicies.PATH)
          .assumeRolePolicyDocument(desired.trustPolicy())
          .description("Lambda@Edge authorizer of protected file store " + OwnerTags.of(store).describe())
          .tags(iamTags(desired.tags())));
    } catch (EntityAlreadyExistsException e) {
      // Made by an attempt that crashed before its status was written; observe missed it by a hair.
      ObservedEdgeRole existing = EdgeRoles.read(iam, desired.name()).orElseThrow(() -> e);
      return update(existing, desired, store, context);
    }
    putLogsPolicy(iam, desired);
    return EdgeRoles.read(iam, desired.name())
        .orElseThrow(() -> new IllegalStateException("role " + desired.name() + " vanished right after it was created"));
  }

  @Override
  public ObservedEdgeRole update(
      ObservedEdgeRole observed, ObservedEdgeRole desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    requireOwned(observed, store);
    IamClient iam = iam();
    if (!PolicyDocuments.sameMeaning(observed.trustPolicy(), desired.trustPolicy())) {
      iam.updateAssumeRolePolicy(r -> r.roleName(observed.name()).policyDocument(desired.trustPolicy()));
    }
    if (observed.logsPolicy() == null || !PolicyDocuments.sameMeaning(observed.logsPolicy(), desired.logsPolicy())) {
      putLogsPolicy(iam, desired);
    }
    Map<String, String> tags = new HashMap<>(observed.tags());
    if (!tags.entrySet().containsAll(desired.tags().entrySet())) {
      iam.tagRole(r -> r.roleName(observed.name()).tags(iamTags(desired.tags())));
      tags.putAll(desired.tags());
    }
    return new ObservedEdgeRole(observed.name(), observed.arn(), true, desired.trustPolicy(), desired.logsPolicy(), tags);
  }

  @Override
  protected void delete(ObservedEdgeRole observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    if (observed == null || !observed.managed()) {
      return;
    }
    if (OwnerTags.of(store).ownershipOf(observed.tags()) != OwnerTags.Ownership.THIS_STORE) {
      log.info("role {} is not this store's: left alone", observed.name());
      return;
    }
    if (edgeFunctionExists(store)) {
      // Replicas keep the function alive after its store; the sweep deletes the role after it.
      log.info("role {} kept while edge function {} waits for its replicas to go", observed.name(), EdgeNames.functionName(store));
      return;
    }
    EdgeRoles.delete(iam(), observed.name());
    log.info("role {} deleted", observed.name());
  }

  private static void requireOwned(ObservedEdgeRole observed, ProtectedFileStore store) {
    OwnerTags.of(store).requireOwns(observed.tags(), "EdgeRole", "IAM role " + observed.name());
  }

  private static void putLogsPolicy(IamClient iam, ObservedEdgeRole desired) {
    iam.putRolePolicy(r -> r.roleName(desired.name())
        .policyName(EdgeRolePolicies.LOGS_POLICY_NAME)
        .policyDocument(desired.logsPolicy()));
  }

  private static List<Tag> iamTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private boolean edgeFunctionExists(ProtectedFileStore store) {
    try {
      aws.edgeLambda().getFunction(r -> r.functionName(EdgeNames.functionName(store)));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  private IamClient iam() {
    return aws.iam();
  }
}
