package io.protectedfiles.client;

import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Mints the tokens a protected file store's edge accepts: a JWT signed with the store's current
 * signing key, with {@code aud}, optionally {@code iss}, {@code iat}, {@code exp} and the path claim
 * listing the path prefixes it grants (such as {@code ["/3f2a9c/"]}).
 *
 * <pre>{@code
 * TokenMinter minter = TokenMinter.builder(privateJwksFromTheSecret).audience("team-assets").build();
 * String token = minter.mint(List.of("/3f2a9c/"), Duration.ofMinutes(15));
 * }</pre>
 *
 * The audience, issuer and path claim must match the store's {@code spec.authorizer}: the audience
 * defaults there to the store's name, the path claim to {@code paths}.
 */
public final class TokenMinter {

  public static final String DEFAULT_PATH_CLAIM = "paths";

  private final SigningKey key;
  private final String audience;
  private final String issuer;
  private final String pathClaim;
  private final Clock clock;

  private TokenMinter(Builder builder) {
    this.key = SigningKey.currentOf(builder.privateJwks);
    this.audience = requireText(builder.audience, "audience");
    this.issuer = builder.issuer;
    this.pathClaim = requireText(builder.pathClaim, "pathClaim");
    this.clock = builder.clock;
  }

  /**
   * @param privateJwks the JWKS of private keys from the store's signing-key Secret (data key
   *     {@code jwks.json}); the last key signs
   */
  public static Builder builder(String privateJwks) {
    return new Builder(Objects.requireNonNull(privateJwks, "privateJwks"));
  }

  /**
   * @param pathPrefixes what the token grants: each starts with "/" and grants the paths below it
   * @param ttl how long the token is valid, at least one second
   * @throws IllegalArgumentException for an empty path list, a path not starting with "/" or a ttl
   *     under one second
   */
  public String mint(List<String> pathPrefixes, Duration ttl) {
    requirePathPrefixes(pathPrefixes);
    if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the token's lifetime must be positive (at least one second), was " + ttl);
    }
    Instant now = clock.instant();
    var builder = Jwts.builder()
        .header().keyId(key.keyId).type("JWT").and()
        .audience().add(audience).and()
        .issuedAt(Date.from(now))
        .expiration(Date.from(now.plus(ttl)))
        .claim(pathClaim, List.copyOf(pathPrefixes));
    if (issuer != null) {
      builder.issuer(issuer);
    }
    return builder.signWith(key.privateKey, key.algorithm).compact();
  }

  static void requirePathPrefixes(List<String> pathPrefixes) {
    if (pathPrefixes == null || pathPrefixes.isEmpty()) {
      throw new IllegalArgumentException("a token must grant at least one path prefix, such as /3f2a9c/");
    }
    for (String prefix : pathPrefixes) {
      if (prefix == null || !prefix.startsWith("/")) {
        throw new IllegalArgumentException("path prefix \"" + prefix + "\" must start with /, as request paths do");
      }
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  @Override
  public String toString() {
    return "TokenMinter[" + key + ", aud=" + audience + ", iss=" + issuer + ", pathClaim=" + pathClaim + "]";
  }

  public static final class Builder {
    private final String privateJwks;
    private String audience;
    private String issuer;
    private String pathClaim = DEFAULT_PATH_CLAIM;
    private Clock clock = Clock.systemUTC();

    private Builder(String privateJwks) {
      this.privateJwks = privateJwks;
    }

    /** Required: the store's {@code spec.authorizer.audience}, by default the store's name. */
    public Builder audience(String audience) {
      this.audience = audience;
      return this;
    }

    /** The store's {@code spec.authorizer.issuer}; null (the default) for no {@code iss} claim. */
    public Builder issuer(String issuer) {
      this.issuer = issuer;
      return this;
    }

    /** The store's {@code spec.authorizer.pathClaim}; default {@code paths}. */
    public Builder pathClaim(String pathClaim) {
      this.pathClaim = pathClaim;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @throws IllegalArgumentException when the keys or settings are unusable */
    public TokenMinter build() {
      return new TokenMinter(this);
    }
  }
}
