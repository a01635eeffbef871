package org.smartsession.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Student tokens the tests sign themselves, written out by hand (HMAC-SHA256 over the JWT's two
 * first parts), so that what the server accepts is checked against the format, not against its own
 * code. The deployment's key is the one the build gives the test server.
 */
final class TestTokens {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  /** The key the integration tests' server signs students' tokens with. */
  static byte[] deploymentKey() {
    String key = System.getProperty("it.student.token.key");
    if (key == null) {
      throw new IllegalStateException("it.student.token.key is not set (the build sets it)");
    }
    return Base64.getDecoder().decode(key);
  }

  /** A valid student token's claims for this student of this session, issued now, for 1 h. */
  static JsonObjectBuilder claims(String sessionId, String studentId) {
    Instant now = Instant.now();
    return Json.createObjectBuilder()
        .add("iss", "smartsession")
        .add("aud", "student")
        .add("sub", studentId)
        .add("sid", sessionId)
        .add("iat", now.getEpochSecond())
        .add("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
  }

  /** The student's token signed with {@code key}, its claims changed by {@code edit}. */
  static String sign(
      byte[] key, String sessionId, String studentId, UnaryOperator<JsonObjectBuilder> edit)
      throws Exception {
    JsonObject header = Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build();
    JsonObject claims = edit.apply(claims(sessionId, studentId)).build();
    String signingInput = part(header.toString()) + "." + part(claims.toString());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + BASE64URL.encodeToString(signature);
  }

  private static String part(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
