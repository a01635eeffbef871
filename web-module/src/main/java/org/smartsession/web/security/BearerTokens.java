package org.smartsession.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.smartsession.engine.config.SignInSettings;

/**
 * Checks the provider's access tokens that scripts and LMS integrations send to the REST API
 * ({@code Authorization: Bearer}): signed by a key of the provider's JWKS (fetched and cached by
 * Nimbus JOSE + JWT), issued by the provider, not expired, and meant for SmartSession: its audience
 * names the configured audience, or else SmartSession's client id.
 */
@ApplicationScoped
public class BearerTokens {
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384);

  @Inject SignInSettings settings;

  private volatile DefaultJWTProcessor<SecurityContext> processor;

  /** A token that is not valid for SmartSession; the message says why, without the token. */
  public static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String message) {
      super(message);
    }
  }

  /** The token's claims when it is valid. */
  public JWTClaimsSet verify(String token) throws InvalidTokenException {
    JWTClaimsSet claims;
    try {
      claims = processor().process(token, null);
    } catch (ParseException e) {
      throw new InvalidTokenException("the bearer token is not a JWT");
    } catch (BadJOSEException | JOSEException e) {
      throw new InvalidTokenException("the bearer token is not valid: " + e.getMessage());
    }
    return claims;
  }

  /** The claim as a list of strings (a list, or one string), empty when absent. */
  static Collection<String> strings(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return value == null ? List.of() : List.of(String.valueOf(value));
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws InvalidTokenException {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p == null) {
      synchronized (this) {
        if (processor == null) {
          processor = newProcessor();
        }
        p = processor;
      }
    }
    return p;
  }

  private DefaultJWTProcessor<SecurityContext> newProcessor() throws InvalidTokenException {
    JsonObject metadata = providerMetadata();
    String issuer = metadata.getString("issuer", null);
    String jwksUri = metadata.getString("jwks_uri", null);
    if (issuer == null || jwksUri == null) {
      throw new InvalidTokenException("the provider's metadata names no issuer or jwks_uri");
    }
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidTokenException("the provider's jwks_uri is not a URL");
    }
    DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(issuer).build();
    p.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience().orElse(settings.clientId()), exact, Set.of("sub", "exp")));
    return p;
  }

  private JsonObject providerMetadata() throws InvalidTokenException {
    String provider = settings.providerUri().orElseThrow();
    URI uri =
        URI.create(
            (provider.endsWith("/") ? provider : provider + "/")
                + ".well-known/openid-configuration");
    try {
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new InvalidTokenException(
            "the provider's metadata answered " + response.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new InvalidTokenException("the provider's metadata cannot be read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidTokenException("interrupted while reading the provider's metadata");
    }
  }
}
