package io.protectedfiles.operator.aws.lambda;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.iam.ObservedEdgeRole;
import io.protectedfiles.operator.edge.AuthorizerConfig;
import io.protectedfiles.operator.edge.AuthorizerSources;
import io.protectedfiles.operator.edge.EdgeBundle;
import io.protectedfiles.operator.edge.EdgeKeys;
import io.protectedfiles.operator.edge.EdgeNames;
import io.protectedfiles.operator.edge.SigningKeys;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The store's Lambda@Edge authorizer in us-east-1: the authorizer's code with the store's
 * config.json, published as a numbered version (CloudFront runs only those). A new version is
 * published only when no published version runs exactly the wanted bundle with the wanted settings,
 * so an unchanged spec never makes a version, and a restart after a crash finds the version it
 * published before.
 *
 * <p>The keys and the bundle are worked out once per reconcile and kept in its context; the keys are
 * recorded there as {@link EdgeKeys} for the status.
 */
public class EdgeFunction extends AwsResource<ObservedEdgeFunction> {

  static final Runtime RUNTIME = Runtime.NODEJS22_X;
  static final String HANDLER = "index.handler";
  // Viewer-request functions may use at most 128 MB and 5 seconds.
  static final int MEMORY_SIZE = 128;
  static final int TIMEOUT_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(EdgeFunction.class);
  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration ROLE_PROPAGATION_TIMEOUT = Duration.ofSeconds(60);

  private final AwsClients aws;
  private final SigningKeys signingKeys;
  private final SortedMap<String, byte[]> authorizerSources;

  public EdgeFunction(AwsClients aws) {
    this(aws, new SigningKeys(), AuthorizerSources.load());
  }

  EdgeFunction(AwsClients aws, SigningKeys signingKeys, SortedMap<String, byte[]> authorizerSources) {
    super(ObservedEdgeFunction.class);
    this.aws = aws;
    this.signingKeys = signingKeys;
    this.authorizerSources = authorizerSources;
  }

  @Override
  public String describe() {
    return "edge authorizer function";
  }

  @Override
  protected Optional<ObservedEdgeFunction> observe(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    Optional<DeployedFunction> deployed = DeployedFunction.read(lambda(), EdgeNames.functionName(store));
    if (deployed.isEmpty()) {
      return Optional.empty();
    }
    // A store being deleted needs no bundle (and must not generate keys): only the function matters.
    Optional<FunctionConfiguration> running = store.isMarkedForDeletion()
        ? Optional.empty()
        : deployed.get().newestVersion(runs(desired(store, context)));
    return Optional.of(observed(deployed.get(), running));
  }

  @Override
  protected ObservedEdgeFunction desired(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    ObservedEdgeRole role = AwsResource.recorded(context, ObservedEdgeRole.class)
        .orElseThrow(() -> new IllegalStateException("the edge role must be reconciled before the edge function"));
    String codeSha256 = bundle(store, context).codeSha256();
    FunctionSettings settings =
        new FunctionSettings(RUNTIME.toString(), HANDLER, role.arn(), MEMORY_SIZE, TIMEOUT_SECONDS, Map.of(), List.of());
    return new ObservedEdgeFunction(
        EdgeNames.functionName(store), null, null, null, codeSha256, settings, codeSha256, OwnerTags.resourceTags(store));
  }

  @Override
  protected boolean matches(ObservedEdgeFunction observed, ObservedEdgeFunction desired) {
    return observed.version() != null && observed.tags().entrySet().containsAll(desired.tags().entrySet());
  }

  @Override
  public ObservedEdgeFunction create(
      ObservedEdgeFunction desired, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    LambdaClient lambda = lambda();
    FunctionSettings settings = desired.settings();
    var created = whenRoleAssumable(() -> lambda.createFunction(r -> r.functionName(desired.functionName())
        .description("Edge authorizer of protected file store " + OwnerTags.of(store).describe())
        .runtime(settings.runtime())
        .handler(settings.handler())
        .role(settings.roleArn())
        .memorySize(settings.memorySize())
        .timeout(settings.timeout())
        // Lambda@Edge runs x86_64 functions only.
        .architectures(Architecture.X86_64)
        .code(c -> c.zipFile(SdkBytes.fromByteArray(bundle(store, context).zip())))
        .tags(desired.tags())));
    lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(desired.functionName()), o -> o.waitTimeout(SETTLE_TIMEOUT));
    log.info("edge function {} created", desired.functionName());
    return publish(lambda, desired, created.functionArn(), desired.tags());
  }

  @Override
  public ObservedEdgeFunction update(
      ObservedEdgeFunction observed,
      ObservedEdgeFunction desired,
      ProtectedFileStore store,
      Context<ProtectedFileStore> context) {
    requireOwned(observed, store);
    LambdaClient lambda = lambda();
    Map<String, String> tags = new HashMap<>(observed.tags());
    if (!tags.entrySet().containsAll(desired.tags().entrySet())) {
      lambda.tagResource(r -> r.resource(observed.functionArn()).tags(desired.tags()));
      tags.putAll(desired.tags());
    }
    if (observed.version() != null) {
      return new ObservedEdgeFunction(observed.functionName(), observed.functionArn(), observed.version(),
          observed.qualifiedArn(), observed.codeSha256(), observed.settings(), observed.latestCodeSha256(), tags);
    }
    String name = observed.functionName();
    if (!observed.settings().equals(desired.settings())) {
      FunctionSettings settings = desired.settings();
      lambda.updateFunctionConfiguration(r -> r.functionName(name)
          .runtime(settings.runtime())
          .handler(settings.handler())
          .role(settings.roleArn())
          .memorySize(settings.memorySize())
          .timeout(settings.timeout())
          .environment(e -> e.variables(Map.of()))
          .layers(List.of()));
      awaitUpdated(lambda, name);
    }
    if (!desired.codeSha256().equals(observed.latestCodeSha256())) {
      lambda.updateFunctionCode(r -> r.functionName(name).zipFile(SdkBytes.fromByteArray(bundle(store, context).zip())));
      awaitUpdated(lambda, name);
    }
    return publish(lambda, desired, observed.functionArn(), tags);
  }

  @Override
  protected void delete(ObservedEdgeFunction observed, ProtectedFileStore store, Context<ProtectedFileStore> context) {
    if (observed == null) {
      return;
    }
    if (OwnerTags.of(store).ownershipOf(observed.tags()) != OwnerTags.Ownership.THIS_STORE) {
      log.info("edge function {} is not this store's: left alone", observed.functionName());
      return;
    }
    try {
      lambda().deleteFunction(r -> r.functionName(observed.functionName()));
      log.info("edge function {} deleted", observed.functionName());
    } catch (InvalidParameterValueException e) {
      if (!ReplicaRefusal.is(e)) {
        throw e;
      }
      // CloudFront removes replicas hours after the distribution let go of the function; the store
      // does not wait for that: the tagged function is left to EdgeFunctionSweeper.
      log.info("edge function {} still has CloudFront replicas: left to the sweep", observed.functionName());
    } catch (ResourceNotFoundException e) {
      // Already gone: what deleting wanted.
    }
  }

  /**
   * A role made moments ago is not yet assumable by Lambda ("The role defined for the function
   * cannot be assumed by Lambda"): IAM is eventually consistent, usually within seconds. Waiting
   * here for that case alone spares every new store a round of failed reconciles and warnings.
   */
  private static <T> T whenRoleAssumable(Supplier<T> call) {
    long deadline = System.nanoTime() + ROLE_PROPAGATION_TIMEOUT.toNanos();
    Duration pause = Duration.ofSeconds(1);
    while (true) {
      try {
        return call.get();
      } catch (InvalidParameterValueException e) {
        if (!String.valueOf(e.getMessage()).contains("cannot be assumed") || System.nanoTime() > deadline) {
          throw e;
        }
        log.info("the edge role is not assumable by Lambda yet; trying again in {}", pause);
        sleep(pause);
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : pause.multipliedBy(2);
      }
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for IAM", e);
    }
  }

  private ObservedEdgeFunction publish(
      LambdaClient lambda, ObservedEdgeFunction desired, String functionArn, Map<String, String> tags) {
    // The CodeSha256 guard makes Lambda refuse to publish code other than the bundle just checked.
    PublishVersionResponse published = lambda.publishVersion(r -> r.functionName(desired.functionName())
        .codeSha256(desired.codeSha256()));
    // CloudFront refuses to associate a version until Lambda has made it Active.
    lambda.waiter().waitUntilPublishedVersionActive(
        r -> r.functionName(desired.functionName()).qualifier(published.version()), o -> o.waitTimeout(SETTLE_TIMEOUT));
    log.info("edge function {} published version {}", desired.functionName(), published.version());
    return new ObservedEdgeFunction(desired.functionName(), unqualified(functionArn), published.version(),
        published.functionArn(), published.codeSha256(), desired.settings(), desired.codeSha256(), tags);
  }

  /** The bundle for this store, built once per reconcile; its keys are recorded for the status. */
  private EdgeBundle bundle(ProtectedFileStore store, Context<ProtectedFileStore> context) {
    ManagedWorkflowAndDependentResourceContext attributes = context.managedWorkflowAndDependentResourceContext();
    Optional<EdgeBundle> built = attributes.get(EdgeBundle.class.getName(), EdgeBundle.class);
    if (built.isPresent()) {
      return built.get();
    }
    EdgeKeys keys = signingKeys.resolve(store, context.getClient());
    attributes.put(EdgeKeys.class.getName(), keys);
    EdgeBundle bundle = EdgeBundle.of(authorizerSources, AuthorizerConfig.json(store, keys));
    attributes.put(EdgeBundle.class.getName(), bundle);
    return bundle;
  }

  private static Predicate<FunctionConfiguration> runs(ObservedEdgeFunction desired) {
    return version -> desired.codeSha256().equals(version.codeSha256())
        && desired.settings().equals(FunctionSettings.of(version));
  }

  private static ObservedEdgeFunction observed(DeployedFunction deployed, Optional<FunctionConfiguration> running) {
    FunctionConfiguration latest = deployed.latest();
    return new ObservedEdgeFunction(
        latest.functionName(),
        unqualified(latest.functionArn()),
        running.map(FunctionConfiguration::version).orElse(null),
        running.map(FunctionConfiguration::functionArn).orElse(null),
        running.map(FunctionConfiguration::codeSha256).orElse(null),
        FunctionSettings.of(latest),
        latest.codeSha256(),
        deployed.tags());
  }

  private static void requireOwned(ObservedEdgeFunction observed, ProtectedFileStore store) {
    OwnerTags.of(store).requireOwns(observed.tags(), "EdgeFunction", "Lambda function " + observed.functionName());
  }

  private static void awaitUpdated(LambdaClient lambda, String name) {
    // Lambda refuses the next change (ResourceConflictException) until this one is applied.
    lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name), o -> o.waitTimeout(SETTLE_TIMEOUT));
  }

  /** The function's own ARN, without a version a caller's ARN may carry. */
  private static String unqualified(String functionArn) {
    int function = functionArn.indexOf(":function:");
    int qualifier = functionArn.indexOf(':', function + ":function:".length());
    return qualifier < 0 ? functionArn : functionArn.substring(0, qualifier);
  }

  private LambdaClient lambda() {
    return aws.edgeLambda();
  }
}
