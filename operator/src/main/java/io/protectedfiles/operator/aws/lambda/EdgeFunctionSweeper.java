package io.protectedfiles.operator.aws.lambda;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerStatus;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStoreStatus;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.iam.EdgeRoles;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.edge.EdgeNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Deletes what Lambda@Edge replicas kept from being deleted in time: edge functions whose store is
 * gone (and then their roles), and old versions of live stores' functions that no distribution runs
 * any more. CloudFront removes replicas hours after the last association ends; until then Lambda
 * refuses, and the next sweep tries again. Stores never wait for this.
 *
 * <p>Only functions and roles tagged with a store of a namespace this operator watches are judged,
 * and stores are listed after the functions, so a function made while the sweep runs belongs to a
 * store the sweep sees.
 */
public final class EdgeFunctionSweeper {

  public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(15);

  private static final Logger log = LoggerFactory.getLogger(EdgeFunctionSweeper.class);

  private final AwsClients aws;
  private final KubernetesClient client;
  private final OperatorSettings settings;
  private final Duration period;
  private ScheduledExecutorService executor;

  public EdgeFunctionSweeper(AwsClients aws, KubernetesClient client, OperatorSettings settings, Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the sweep period must be positive");
    }
    this.aws = aws;
    this.client = client;
    this.settings = settings;
    this.period = period;
  }

  /** Sweeps every period, the first time one period from now. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "edge-function-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::sweepLoggingFailures, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (executor == null) {
      return;
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("the edge function sweep did not stop within 30 seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  /**
   * One sweep. A function or role that cannot be handled is logged and skipped; listing failures
   * (AWS or Kubernetes unreachable) end the sweep with an exception, so nothing is judged on a
   * partial picture.
   */
  public void sweepOnce() {
    LambdaClient lambda = aws.edgeLambda();
    // Functions and roles are listed before the stores, so that anything a store made while this
    // sweep runs has its store in the list.
    List<TaggedFunction> functions = operatorFunctions(lambda);
    List<Role> roles = EdgeRoles.listAll(aws.iam());
    Map<String, ProtectedFileStore> storesByUid = storesByUid();
    Set<String> uidsWithFunctions = new HashSet<>();
    for (TaggedFunction function : functions) {
      try {
        ProtectedFileStore store = storesByUid.get(function.owner().uid());
        if (store == null) {
          if (!deleteOrphan(lambda, function)) {
            uidsWithFunctions.add(function.owner().uid());
          }
        } else {
          uidsWithFunctions.add(function.owner().uid());
          if (!store.isMarkedForDeletion()) {
            pruneVersions(lambda, function, store);
          }
        }
      } catch (RuntimeException e) {
        uidsWithFunctions.add(function.owner().uid());
        log.warn("edge function sweep: {} skipped", function.configuration().functionName(), e);
      }
    }
    deleteOrphanRoles(roles, storesByUid, uidsWithFunctions);
  }

  private void sweepLoggingFailures() {
    try {
      sweepOnce();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again.
      log.warn("edge function sweep failed; trying again in {}", period, e);
    }
  }

  /** Whether the function is gone now. */
  private boolean deleteOrphan(LambdaClient lambda, TaggedFunction function) {
    String name = function.configuration().functionName();
    try {
      lambda.deleteFunction(r -> r.functionName(name));
      log.info("edge function sweep: deleted {} of deleted store {}", name, function.owner().describe());
      return true;
    } catch (ResourceNotFoundException e) {
      return true;
    } catch (InvalidParameterValueException e) {
      if (!ReplicaRefusal.is(e)) {
        throw e;
      }
      log.info("edge function sweep: {} of deleted store {} still has CloudFront replicas; next sweep tries again",
          name, function.owner().describe());
      return false;
    }
  }

  private void pruneVersions(LambdaClient lambda, TaggedFunction function, ProtectedFileStore store) {
    String name = function.configuration().functionName();
    List<FunctionConfiguration> versions = lambda.listVersionsByFunctionPaginator(r -> r.functionName(name))
        .versions().stream()
        .filter(DeployedFunction::isNumbered)
        .sorted(Comparator.comparingLong(DeployedFunction::number))
        .toList();
    if (versions.size() < 2) {
      return;
    }
    Set<String> kept = new HashSet<>();
    kept.add(versions.get(versions.size() - 1).version());
    statusVersion(store).ifPresent(kept::add);
    for (FunctionConfiguration version : versions) {
      if (kept.contains(version.version())) {
        continue;
      }
      try {
        lambda.deleteFunction(r -> r.functionName(name).qualifier(version.version()));
        log.info("edge function sweep: deleted version {} of {} (store {} runs version {})",
            version.version(), name, function.owner().describe(), statusVersion(store).orElse("none yet"));
      } catch (ResourceNotFoundException e) {
        // Gone already.
      } catch (InvalidParameterValueException e) {
        if (!ReplicaRefusal.is(e)) {
          throw e;
        }
        log.info("edge function sweep: version {} of {} still has CloudFront replicas; next sweep tries again",
            version.version(), name);
      }
    }
  }

  private void deleteOrphanRoles(
      List<Role> roles, Map<String, ProtectedFileStore> storesByUid, Set<String> uidsWithFunctions) {
    for (Role role : roles) {
      if (!role.roleName().startsWith(EdgeNames.PREFIX) || role.arn().equals(settings.edgeRoleArn())) {
        continue;
      }
      try {
        Optional<OwnerTags> owner = EdgeRoles.tagsOf(aws.iam(), role.roleName()).flatMap(this::watchedOwner);
        if (owner.isEmpty() || storesByUid.containsKey(owner.get().uid()) || uidsWithFunctions.contains(owner.get().uid())) {
          continue;
        }
        EdgeRoles.delete(aws.iam(), role.roleName());
        log.info("edge function sweep: deleted role {} of deleted store {}", role.roleName(), owner.get().describe());
      } catch (RuntimeException e) {
        log.warn("edge function sweep: role {} skipped", role.roleName(), e);
      }
    }
  }

  private List<TaggedFunction> operatorFunctions(LambdaClient lambda) {
    List<TaggedFunction> functions = new ArrayList<>();
    for (FunctionConfiguration function : lambda.listFunctionsPaginator(r -> {}).functions()) {
      if (!function.functionName().startsWith(EdgeNames.PREFIX)) {
        continue;
      }
      Map<String, String> tags = lambda.listTags(r -> r.resource(function.functionArn())).tags();
      watchedOwner(tags).ifPresent(owner -> functions.add(new TaggedFunction(function, owner)));
    }
    return functions;
  }

  /** The store the tags name, when they name one in a namespace this operator watches. */
  private Optional<OwnerTags> watchedOwner(Map<String, String> tags) {
    String uid = tags.get(OwnerTags.UID_KEY);
    String namespace = tags.get(OwnerTags.NAMESPACE_KEY);
    if (uid == null || namespace == null) {
      return Optional.empty();
    }
    if (!settings.watchedNamespaces().isEmpty() && !settings.watchedNamespaces().contains(namespace)) {
      return Optional.empty();
    }
    return Optional.of(new OwnerTags(namespace, tags.getOrDefault(OwnerTags.NAME_KEY, "?"), uid));
  }

  /** Every store the operator watches, by uid; throws rather than answer from a partial list. */
  private Map<String, ProtectedFileStore> storesByUid() {
    List<ProtectedFileStore> stores = new ArrayList<>();
    var resources = client.resources(ProtectedFileStore.class);
    if (settings.watchedNamespaces().isEmpty()) {
      stores.addAll(resources.inAnyNamespace().list().getItems());
    } else {
      for (String namespace : settings.watchedNamespaces()) {
        stores.addAll(resources.inNamespace(namespace).list().getItems());
      }
    }
    Map<String, ProtectedFileStore> byUid = new HashMap<>();
    stores.forEach(store -> byUid.put(store.getMetadata().getUid(), store));
    return byUid;
  }

  private static Optional<String> statusVersion(ProtectedFileStore store) {
    return Optional.ofNullable(store.getStatus())
        .map(ProtectedFileStoreStatus::getAuthorizer)
        .map(AuthorizerStatus::getVersion);
  }

  private record TaggedFunction(FunctionConfiguration configuration, OwnerTags owner) {}
}
