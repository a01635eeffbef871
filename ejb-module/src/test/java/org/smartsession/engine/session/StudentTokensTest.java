package org.smartsession.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.StudentTokenSettings;
import org.smartsession.engine.testing.TestClock;
import org.smartsession.model.session.StudentKey;

class StudentTokensTest {
  private static final byte[] KEY = key('k');
  private static final byte[] OTHER_KEY = key('x');
  private static final StudentKey ADA = new StudentKey("S-EXAM", "ada");
  private static final Duration LIFETIME = Duration.ofHours(12);

  private final TestClock clock = new TestClock();
  private final StudentTokens tokens = new StudentTokens(KEY, LIFETIME, clock);

  private static byte[] key(char fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  /** A token signed with {@code key} whose claims are a valid token's, changed by {@code edit}. */
  private String signed(
      byte[] key, JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> edit)
      throws Exception {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer("smartsession")
            .audience("student")
            .subject("ada")
            .claim("sid", "S-EXAM")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(),
            edit.apply(claims).build());
    jwt.sign(new MACSigner(key));
    return jwt.serialize();
  }

  private String signed(UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
    return signed(KEY, JWSAlgorithm.HS256, edit);
  }

  @Test
  void anIssuedTokenIsValidForItsStudentAndCarriesTheClaims() throws Exception {
    StudentToken token = tokens.issue(ADA);

    assertEquals(TokenCheck.VALID, tokens.check(token.value(), ADA));
    SignedJWT jwt = SignedJWT.parse(token.value());
    assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertEquals("smartsession", claims.getIssuer());
    assertEquals(List.of("student"), claims.getAudience());
    assertEquals("ada", claims.getSubject());
    assertEquals("S-EXAM", claims.getStringClaim("sid"));
    assertEquals(clock.instant(), claims.getIssueTime().toInstant());
    assertEquals(clock.instant().plus(LIFETIME), claims.getExpirationTime().toInstant());
    assertEquals(clock.instant().plus(LIFETIME), token.expiresAt());
    assertNotEquals(token.value(), tokens.issue(ADA).value(), "each token is new");
  }

  @Test
  void aTokenSignedWithAnotherKeyIsForged() throws Exception {
    StudentToken elsewhere = new StudentTokens(OTHER_KEY, LIFETIME, clock).issue(ADA);
    assertEquals(TokenCheck.FORGED, tokens.check(elsewhere.value(), ADA));
    assertEquals(
        TokenCheck.FORGED, tokens.check(signed(OTHER_KEY, JWSAlgorithm.HS256, c -> c), ADA));
  }

  @Test
  void aTokenSignedWithAnotherAlgorithmIsForgedEvenUnderTheSameKey() throws Exception {
    byte[] longer = Arrays.copyOf(KEY, 64);
    StudentTokens withLongKey = new StudentTokens(longer, LIFETIME, clock);
    assertEquals(
        TokenCheck.FORGED, withLongKey.check(signed(longer, JWSAlgorithm.HS512, c -> c), ADA));
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    String[] parts = tokens.issue(ADA).value().split("\\.");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertFalse(tokens.check(none + "." + parts[1] + ".", ADA).isValid());
    assertFalse(tokens.check(parts[0] + "." + parts[1] + ".", ADA).isValid());
  }

  @Test
  void aTokenExpiresAfterItsLifetime() {
    StudentToken token = tokens.issue(ADA);

    clock.advance(LIFETIME.minusSeconds(1));
    assertEquals(TokenCheck.VALID, tokens.check(token.value(), ADA));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(TokenCheck.EXPIRED, tokens.check(token.value(), ADA));
    clock.advance(Duration.ofDays(30));
    assertEquals(TokenCheck.EXPIRED, tokens.check(token.value(), ADA));
  }

  @Test
  void theLifetimeIsTheConfiguredOne() {
    StudentTokens hourly = new StudentTokens(KEY, Duration.ofHours(1), clock);
    StudentToken token = hourly.issue(ADA);
    assertEquals(clock.instant().plus(Duration.ofHours(1)), token.expiresAt());
    clock.advance(Duration.ofMinutes(61));
    assertEquals(TokenCheck.EXPIRED, hourly.check(token.value(), ADA));
  }

  @Test
  void aTokenOfThisKeyForAnotherAudienceOrIssuerIsNotAStudentToken() throws Exception {
    assertEquals(
        TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.audience("teacher")), ADA));
    assertEquals(
        TokenCheck.NOT_A_STUDENT_TOKEN,
        tokens.check(signed(c -> c.audience(List.of("student", "teacher"))), ADA));
    assertEquals(
        TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.issuer("someone-else")), ADA));
    assertEquals(TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.issuer(null)), ADA));
  }

  @Test
  void aTokenMissingAClaimIsNotAStudentToken() throws Exception {
    assertEquals(TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.subject(null)), ADA));
    assertEquals(
        TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.claim("sid", null)), ADA));
    assertEquals(TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.claim("sid", 7)), ADA));
    assertEquals(
        TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.expirationTime(null)), ADA));
    assertEquals(TokenCheck.NOT_A_STUDENT_TOKEN, tokens.check(signed(c -> c.issueTime(null)), ADA));
  }

  @Test
  void aTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() throws Exception {
    Instant soon = clock.instant().plusSeconds(30);
    Instant later = clock.instant().plus(Duration.ofMinutes(5));
    assertEquals(TokenCheck.VALID, tokens.check(signed(c -> c.issueTime(Date.from(soon))), ADA));
    assertEquals(
        TokenCheck.NOT_A_STUDENT_TOKEN,
        tokens.check(signed(c -> c.issueTime(Date.from(later))), ADA));
  }

  @Test
  void aTamperedPayloadBreaksTheSignature() throws Exception {
    String[] parts = tokens.issue(ADA).value().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"ada\"", "\"bob\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertNotEquals(parts[1], tampered.split("\\.")[1]);
    assertEquals(TokenCheck.FORGED, tokens.check(tampered, new StudentKey("S-EXAM", "bob")));
  }

  @Test
  void aTamperedSignatureIsForged() {
    String token = tokens.issue(ADA).value();
    char last = token.charAt(token.length() - 2);
    String changed =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    assertEquals(TokenCheck.FORGED, tokens.check(changed, ADA));
  }

  @Test
  void aTokenOfAnotherSessionOrStudentIsRefused() {
    String token = tokens.issue(ADA).value();
    assertEquals(TokenCheck.OTHER_STUDENT, tokens.check(token, new StudentKey("S-OTHER", "ada")));
    assertEquals(TokenCheck.OTHER_STUDENT, tokens.check(token, new StudentKey("S-EXAM", "bob")));
  }

  @Test
  void noTokenOrGarbageIsRefused() {
    assertEquals(TokenCheck.MISSING, tokens.check(null, ADA));
    assertEquals(TokenCheck.MISSING, tokens.check("  ", ADA));
    assertEquals(TokenCheck.MALFORMED, tokens.check("not-a-token", ADA));
    assertEquals(TokenCheck.MALFORMED, tokens.check("a.b.c", ADA));
    assertEquals(TokenCheck.MALFORMED, tokens.check("x".repeat(5000), ADA));
  }

  @Test
  void everyRefusalHasAShortReasonAndValidHasNone() {
    assertNull(TokenCheck.VALID.refusal());
    for (TokenCheck check : TokenCheck.values()) {
      if (check != TokenCheck.VALID) {
        assertTrue(check.refusal().length() <= 120, check::name);
        assertFalse(check.isValid());
      }
    }
  }

  @Test
  void aKeyShorterThan32BytesIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> new StudentTokens(new byte[31], LIFETIME, clock));
  }

  private StudentTokens configured(StudentTokenSettings settings) {
    StudentTokens configured = new StudentTokens();
    configured.settings = settings;
    configured.clock = clock;
    configured.init();
    return configured;
  }

  @Test
  void serversSharingTheConfiguredKeyAcceptEachOthersTokens() {
    StudentTokenSettings shared =
        new StudentTokenSettings(Optional.of(Base64.getEncoder().encodeToString(KEY)), 12);
    StudentToken token = configured(shared).issue(ADA);
    assertEquals(TokenCheck.VALID, configured(shared).check(token.value(), ADA));
    assertEquals(TokenCheck.VALID, tokens.check(token.value(), ADA));
  }

  @Test
  void withoutAConfiguredKeyEachStartHasItsOwnRandomKeyAndSaysSo() {
    List<LogRecord> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(StudentTokens.class.getName());
    log.addHandler(handler);
    try {
      StudentTokens first = configured(StudentTokenSettings.DEFAULTS);
      StudentTokens restarted = configured(StudentTokenSettings.DEFAULTS);
      StudentToken token = first.issue(ADA);
      assertEquals(TokenCheck.VALID, first.check(token.value(), ADA));
      assertEquals(TokenCheck.FORGED, restarted.check(token.value(), ADA));
    } finally {
      log.removeHandler(handler);
    }
    assertEquals(2, logged.size());
    assertEquals(Level.WARNING, logged.get(0).getLevel());
    assertTrue(logged.get(0).getMessage().contains("smartsession.auth.student-token-key"));
    assertTrue(logged.get(0).getMessage().contains("restart"));
  }

  @Test
  void theTokenRecordNeverShowsTheToken() {
    StudentToken token = tokens.issue(ADA);
    assertFalse(token.toString().contains(token.value()));
  }
}
