package io.protectedfiles.operator.cli;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.protectedfiles.client.TokenMinter;
import io.protectedfiles.operator.api.v1alpha1.AuthorizerSpec;
import io.protectedfiles.operator.api.v1alpha1.KeysSpec;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.edge.EdgeNames;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code token}: mints a token for a store from its signing-key Secret, so that a person can try a
 * store from a shell. Prints the token only; never the key.
 */
public final class TokenCommand {


  private TokenCommand() {}

  /**
   * The command line entry: logs go to standard error while it runs.
   *
   * @param args the arguments after the command's name
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return LogsOnStandardError.run(err, () -> run(args, out, err, null));
  }

  /** @param client the cluster to read; null for the one of the current kubeconfig */
  public static int run(String[] args, PrintStream out, PrintStream err, KubernetesClient client) {
    TokenRequest request;
    try {
      request = TokenRequest.parse(args);
    } catch (UsageError e) {
      err.println("token: " + e.getMessage());
      err.println(TokenRequest.USAGE);
      return 2;
    }
    if (request.help()) {
      out.println(TokenRequest.USAGE);
      return 0;
    }
    if (client != null) {
      return printToken(request, client, out, err);
    }
    try (KubernetesClient ownClient = new KubernetesClientBuilder().build()) {
      return printToken(request, ownClient, out, err);
    }
  }

  private static int printToken(TokenRequest request, KubernetesClient client, PrintStream out, PrintStream err) {
    try {
      out.println(mint(request, client));
      return 0;
    } catch (UsageError e) {
      err.println("token: " + e.getMessage());
      return 2;
    } catch (CommandFailure e) {
      err.println("token: " + e.getMessage());
      return 1;
    }
  }

  private static String mint(TokenRequest request, KubernetesClient client) throws UsageError, CommandFailure {
    String namespace = StoreReader.namespace(request.namespace(), client);
    ProtectedFileStore store = StoreReader.read(client, namespace, request.store());
    AuthorizerSpec authorizer = store.specOrDefaults().authorizerOrDefaults();
    requireGeneratedKeys(store, authorizer.keysOrDefaults());
    requireAcceptedLifetime(authorizer, request.ttl());
    String privateJwks = signingKeys(client, store);
    try {
      return TokenMinter.builder(privateJwks)
          .audience(authorizer.audienceOrDefault(store.getMetadata().getName()))
          .issuer(authorizer.issuerOrNull())
          .pathClaim(authorizer.pathClaimOrDefault())
          .build()
          .mint(request.paths(), request.ttl());
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("cannot sign for store " + describe(store) + ": " + e.getMessage());
    }
  }

  private static void requireGeneratedKeys(ProtectedFileStore store, KeysSpec keys) throws CommandFailure {
    if (keys.getJwksSecretRef() != null) {
      throw new CommandFailure("store " + describe(store) + " verifies tokens with the public keys in Secret "
          + keys.getJwksSecretRef().getName() + " (spec.authorizer.keys.jwksSecretRef): its tokens must come from the"
          + " identity provider that holds the private keys; the operator has none to sign with");
    }
    if (keys.getHs256SecretRef() != null) {
      throw new CommandFailure("store " + describe(store) + " verifies tokens with the HS256 secret in Secret "
          + keys.getHs256SecretRef().getName() + " (spec.authorizer.keys.hs256SecretRef): its tokens must come from"
          + " the identity provider or application that shares that secret; this command signs only with generated keys");
    }
  }

  private static void requireAcceptedLifetime(AuthorizerSpec authorizer, Duration ttl) throws UsageError {
    Integer maxAge = authorizer.getMaxTokenAgeSeconds();
    if (maxAge != null && ttl.toSeconds() > maxAge) {
      throw new UsageError("--ttl " + ttl.toSeconds() + "s is longer than the store accepts"
          + " (spec.authorizer.maxTokenAgeSeconds: " + maxAge + "); the edge would refuse the token");
    }
  }

  private static String signingKeys(KubernetesClient client, ProtectedFileStore store) throws CommandFailure {
    String secretName = store.getStatus() != null && store.getStatus().getSigningKeySecret() != null
        ? store.getStatus().getSigningKeySecret()
        : EdgeNames.signingKeySecret(store);
    Secret secret;
    try {
      secret = client.secrets().inNamespace(store.getMetadata().getNamespace()).withName(secretName).get();
    } catch (KubernetesClientException e) {
      throw new CommandFailure("cannot read Secret " + store.getMetadata().getNamespace() + "/" + secretName + ": "
          + e.getMessage());
    }
    String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(EdgeNames.SIGNING_KEYS_DATA_KEY);
    if (encoded == null) {
      throw new CommandFailure("store " + describe(store) + " has no signing key yet (Secret "
          + store.getMetadata().getNamespace() + "/" + secretName + " with " + EdgeNames.SIGNING_KEYS_DATA_KEY + "); the operator generates it"
          + " while reconciling: kubectl wait --for=condition=Ready pfs/" + store.getMetadata().getName()
          + " -n " + store.getMetadata().getNamespace());
    }
    return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }

  private static String describe(ProtectedFileStore store) {
    return store.getMetadata().getNamespace() + "/" + store.getMetadata().getName();
  }
}
