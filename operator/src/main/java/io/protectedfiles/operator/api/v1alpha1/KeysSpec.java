package io.protectedfiles.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where the authorizer's verification keys come from: exactly one of a generated key pair, a
 * Secret with public keys (from the application's identity provider), or an HS256 secret. Secrets
 * are only ever referenced, never written into the resource.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "(has(self.generate) ? 1 : 0) + (has(self.jwksSecretRef) ? 1 : 0) + (has(self.hs256SecretRef) ? 1 : 0) <= 1",
    message = "set only one of generate, jwksSecretRef and hs256SecretRef")
public class KeysSpec {

  @JsonPropertyDescription(
      "Generate a key pair of this algorithm (the default, ES256). The private key is kept in the"
          + " Secret named in status.signingKeySecret, for the application to sign tokens; only the"
          + " public key goes to the edge.")
  private SigningAlgorithm generate;

  @JsonPropertyDescription(
      "Rotation of generated keys: change rotation.generation to make a new key pair that becomes"
          + " the signing key; the edge keeps accepting earlier keys (all of them, or those listed in"
          + " rotation.acceptedKeyIds), so tokens already handed out stay valid until they expire.")
  private RotationSpec rotation;

  @JsonPropertyDescription(
      "A Secret in the store's namespace holding a JWKS of public keys (each with kid and alg), for"
          + " tokens signed by the application's identity provider.")
  private SecretKeyRef jwksSecretRef;

  @JsonPropertyDescription(
      "A Secret in the store's namespace holding an HS256 shared secret of at least 32 bytes.")
  private SecretKeyRef hs256SecretRef;

  public SigningAlgorithm getGenerate() {
    return generate;
  }

  public void setGenerate(SigningAlgorithm generate) {
    this.generate = generate;
  }

  public RotationSpec getRotation() {
    return rotation;
  }

  public void setRotation(RotationSpec rotation) {
    this.rotation = rotation;
  }

  public SecretKeyRef getJwksSecretRef() {
    return jwksSecretRef;
  }

  public void setJwksSecretRef(SecretKeyRef jwksSecretRef) {
    this.jwksSecretRef = jwksSecretRef;
  }

  public SecretKeyRef getHs256SecretRef() {
    return hs256SecretRef;
  }

  public void setHs256SecretRef(SecretKeyRef hs256SecretRef) {
    this.hs256SecretRef = hs256SecretRef;
  }

  /** Generated keys are the default when no other source is named. */
  public boolean generated() {
    return jwksSecretRef == null && hs256SecretRef == null;
  }

  public SigningAlgorithm generateOrDefault() {
    return generate == null ? SigningAlgorithm.ES256 : generate;
  }
}
