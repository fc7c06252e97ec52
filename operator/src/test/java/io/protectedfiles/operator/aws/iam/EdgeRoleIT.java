package io.protectedfiles.operator.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult.Operation;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.aws.AwsClients;
import io.protectedfiles.operator.aws.AwsResource;
import io.protectedfiles.operator.aws.OwnerTags;
import io.protectedfiles.operator.aws.TerminalFailure;
import io.protectedfiles.operator.config.OperatorSettings;
import io.protectedfiles.operator.edge.EdgeBundle;
import io.protectedfiles.operator.edge.EdgeNames;
import io.protectedfiles.operator.testsupport.AwsEmulator;
import io.protectedfiles.operator.testsupport.KubernetesApi;
import io.protectedfiles.operator.testsupport.OperatorUnderTest;
import io.protectedfiles.operator.testsupport.ReconcileContext;
import io.protectedfiles.operator.testsupport.Stores;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** The edge function's IAM role, reconciled against the emulator. */
class EdgeRoleIT {

  @RegisterExtension static final KubernetesApi kube = new KubernetesApi();
  @RegisterExtension static final AwsEmulator aws = new AwsEmulator();

  static final ObjectMapper JSON = new ObjectMapper();
  static String namespace;

  final IamClient iam = aws.iam();
  OperatorSettings settings;
  AwsClients clients;
  ProtectedFileStore store;

  @BeforeAll
  static void createNamespace() {
    namespace = kube.createNamespace("edge-role");
  }

  @BeforeEach
  void createStore() {
    settings = OperatorUnderTest.settings(Set.of(namespace), Set.of(), Duration.ofMinutes(10));
    clients = new AwsClients(settings);
    store = kube.client().resource(Stores.store(namespace, "store-" + UUID.randomUUID().toString().substring(0, 8))).create();
  }

  @AfterEach
  void closeClients() {
    clients.close();
  }

  @Test
  void createsARoleThatLambdaAtEdgeCanAssumeTaggedForTheStore() throws Exception {
    var context = new ReconcileContext(kube.client(), store);

    var result = new EdgeRole(clients, settings).reconcile(store, context);

    String name = EdgeNames.roleName(store);
    var role = iam.getRole(r -> r.roleName(name)).role();
    assertThat(result.getSingleOperation()).isEqualTo(Operation.CREATED);
    assertThat(role.path()).isEqualTo("/protectedfiles/");
    assertThat(trustedServices(role.assumeRolePolicyDocument()))
        .containsExactlyInAnyOrder("lambda.amazonaws.com", "edgelambda.amazonaws.com");
    assertThat(role.tags()).extracting(Tag::key, Tag::value).contains(
        tuple(OwnerTags.UID_KEY, store.getMetadata().getUid()),
        tuple(OwnerTags.NAMESPACE_KEY, namespace),
        tuple(OwnerTags.NAME_KEY, store.getMetadata().getName()));
    String logs = decode(iam.getRolePolicy(r -> r.roleName(name).policyName("edge-logs")).policyDocument());
    assertThat(logs).contains("logs:PutLogEvents", "/aws/lambda/us-east-1." + EdgeNames.functionName(store));
    assertThat(AwsResource.recorded(context, ObservedEdgeRole.class)).get()
        .satisfies(recorded -> assertThat(recorded.arn()).isEqualTo(role.arn()));
  }

  @Test
  void anUnchangedRoleIsNotTouched() {
    new EdgeRole(clients, settings).reconcile(store, new ReconcileContext(kube.client(), store));
    aws.control().clearCalls();

    var result = new EdgeRole(clients, settings).reconcile(store, new ReconcileContext(kube.client(), store));

    assertThat(result.getSingleOperation()).isEqualTo(Operation.NONE);
    assertThat(aws.control().calls()).isNotEmpty();
    assertThat(aws.control().mutatingCalls()).isEmpty();
  }

  @Test
  void putsBackATrustPolicyAndALogsPolicyChangedByHand() throws Exception {
    new EdgeRole(clients, settings).reconcile(store, new ReconcileContext(kube.client(), store));
    String name = EdgeNames.roleName(store);
    iam.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
    iam.deleteRolePolicy(r -> r.roleName(name).policyName("edge-logs"));

    var result = new EdgeRole(clients, settings).reconcile(store, new ReconcileContext(kube.client(), store));

    assertThat(result.getSingleOperation()).isEqualTo(Operation.UPDATED);
    assertThat(trustedServices(iam.getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument()))
        .containsExactlyInAnyOrder("lambda.amazonaws.com", "edgelambda.amazonaws.com");
    assertThat(iam.getRolePolicy(r -> r.roleName(name).policyName("edge-logs")).policyDocument()).isNotEmpty();
  }

  @Test
  void neverChangesARoleOfAnotherStore() {
    String name = EdgeNames.roleName(store);
    iam.createRole(r -> r.roleName(name).path("/protectedfiles/").assumeRolePolicyDocument(EdgeRolePolicies.TRUST_POLICY)
        .tags(Tag.builder().key(OwnerTags.UID_KEY).value("another-uid").build(),
            Tag.builder().key(OwnerTags.NAMESPACE_KEY).value("elsewhere").build(),
            Tag.builder().key(OwnerTags.NAME_KEY).value("other").build()));
    aws.control().clearCalls();

    assertThatThrownBy(() -> new EdgeRole(clients, settings).reconcile(store, new ReconcileContext(kube.client(), store)))
        .isInstanceOfSatisfying(TerminalFailure.class, e -> assertThat(e.reason()).isEqualTo("EdgeRoleOwnedByAnotherStore"));
    assertThat(aws.control().mutatingCalls()).isEmpty();
  }

  @Test
  void usesTheConfiguredRoleWithoutAnyIamCall() {
    String arn = "arn:aws:iam::123456789012:role/org/shared-edge";
    var configured = new OperatorSettings(Set.of(namespace), Set.of(), Duration.ofMinutes(10), true, arn);
    var context = new ReconcileContext(kube.client(), store);

    var result = new EdgeRole(clients, configured).reconcile(store, context);
    new EdgeRole(clients, configured).delete(store, context);

    assertThat(result.getSingleOperation()).isEqualTo(Operation.NONE);
    assertThat(AwsResource.recorded(context, ObservedEdgeRole.class)).get()
        .satisfies(role -> assertThat(role.arn()).isEqualTo(arn));
    assertThat(aws.control().calls()).isEmpty();
  }

  @Test
  void deletingTheStoreDeletesTheRoleOnceItsFunctionIsGone() {
    var role = new EdgeRole(clients, settings);
    role.reconcile(store, new ReconcileContext(kube.client(), store));
    String name = EdgeNames.roleName(store);
    String arn = iam.getRole(r -> r.roleName(name)).role().arn();
    aws.lambda().createFunction(r -> r.functionName(EdgeNames.functionName(store)).runtime("nodejs22.x")
        .role(arn).handler("index.handler")
        .code(c -> c.zipFile(SdkBytes.fromByteArray(EdgeBundle.of(Map.of("index.js", new byte[0]), new byte[0]).zip()))));

    role.delete(store, new ReconcileContext(kube.client(), store));
    assertThat(iam.getRole(r -> r.roleName(name)).role().arn()).isEqualTo(arn);

    aws.lambda().deleteFunction(r -> r.functionName(EdgeNames.functionName(store)));
    role.delete(store, new ReconcileContext(kube.client(), store));
    assertThatThrownBy(() -> iam.getRole(r -> r.roleName(name))).isInstanceOf(NoSuchEntityException.class);
  }

  private static Set<String> trustedServices(String encodedPolicy) throws Exception {
    Set<String> services = new HashSet<>();
    for (JsonNode statement : JSON.readTree(decode(encodedPolicy)).get("Statement")) {
      JsonNode service = statement.get("Principal").get("Service");
      if (service.isArray()) {
        service.forEach(s -> services.add(s.asText()));
      } else {
        services.add(service.asText());
      }
    }
    return services;
  }

  private static String decode(String document) {
    return URLDecoder.decode(document, StandardCharsets.UTF_8);
  }
}
