package io.protectedfiles.operator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.protectedfiles.client.PresignedPost;
import io.protectedfiles.client.PresignedPut;
import io.protectedfiles.client.UploadConditions;
import io.protectedfiles.client.UploadUrls;
import io.protectedfiles.operator.api.v1alpha1.BucketStatus;
import io.protectedfiles.operator.api.v1alpha1.ProtectedFileStore;
import io.protectedfiles.operator.config.OperatorSettings;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * {@code upload-url}: a presigned PUT or POST into a store's bucket, signed with the AWS credentials
 * of the environment, so that a person can put a file into a store from a shell.
 */
public final class UploadUrlCommand {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private UploadUrlCommand() {}

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
    UploadUrlRequest request;
    try {
      boolean pathStyle = Boolean.parseBoolean(System.getenv().getOrDefault(OperatorSettings.S3_PATH_STYLE, "false").trim());
      request = UploadUrlRequest.parse(args, pathStyle);
    } catch (UsageError e) {
      err.println("upload-url: " + e.getMessage());
      err.println(UploadUrlRequest.USAGE);
      return 2;
    }
    if (request.help()) {
      out.println(UploadUrlRequest.USAGE);
      return 0;
    }
    if (client != null) {
      return printUpload(request, client, out, err);
    }
    try (KubernetesClient ownClient = new KubernetesClientBuilder().build()) {
      return printUpload(request, ownClient, out, err);
    }
  }

  private static int printUpload(UploadUrlRequest request, KubernetesClient client, PrintStream out, PrintStream err) {
    try {
      BucketStatus bucket = bucketOf(StoreReader.read(client, StoreReader.namespace(request.namespace(), client), request.store()));
      try (UploadUrls uploads = UploadUrls.builder().region(Region.of(bucket.getRegion())).pathStyle(request.pathStyle()).build()) {
        if (request.method() == UploadUrlRequest.Method.PUT) {
          PresignedPut put = uploads.presignedPut(bucket.getName(), request.key(), request.ttl(), request.contentType());
          out.println(put.url());
          put.headers().forEach((name, value) -> err.println("send the header " + name + ": " + value + " with the PUT"));
        } else {
          out.println(json(uploads.presignedPost(bucket.getName(), conditions(request), request.ttl())));
        }
      }
      return 0;
    } catch (UsageError e) {
      err.println("upload-url: " + e.getMessage());
      return 2;
    } catch (CommandFailure e) {
      err.println("upload-url: " + e.getMessage());
      return 1;
    } catch (SdkException e) {
      err.println("upload-url: cannot sign with the AWS credentials of this environment: " + e.getMessage());
      return 1;
    }
  }

  private static BucketStatus bucketOf(ProtectedFileStore store) throws CommandFailure {
    BucketStatus bucket = store.getStatus() == null ? null : store.getStatus().getBucket();
    if (bucket == null || bucket.getName() == null || bucket.getRegion() == null) {
      throw new CommandFailure("store " + store.getMetadata().getNamespace() + "/" + store.getMetadata().getName()
          + " has no bucket yet (status.bucket is empty); wait for it: kubectl wait --for=condition=BucketReady pfs/"
          + store.getMetadata().getName() + " -n " + store.getMetadata().getNamespace());
    }
    return bucket;
  }

  private static UploadConditions conditions(UploadUrlRequest request) {
    UploadConditions conditions = request.keyIsPrefix()
        ? UploadConditions.keyPrefix(request.key())
        : UploadConditions.exactKey(request.key());
    if (request.contentType() != null) {
      conditions = conditions.contentType(request.contentType());
    }
    return request.maxBytes() == null ? conditions : conditions.maxBytes(request.maxBytes());
  }

  private static String json(PresignedPost post) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("url", post.url().toString());
    document.put("fields", post.fields());
    document.put("expiration", post.expiration().toString());
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialise", e);
    }
  }
}
