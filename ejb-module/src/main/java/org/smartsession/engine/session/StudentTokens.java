package org.smartsession.engine.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.smartsession.engine.config.StudentTokenSettings;
import org.smartsession.model.session.StudentKey;

/**
 * Issues and checks the tokens a student gets on joining a session: JWTs signed with HMAC-SHA256
 * under the deployment's key, issuer {@value #ISSUER}, audience {@value #AUDIENCE}, the student id
 * as subject, the session id as {@value #SESSION_CLAIM}, issued-at, expiry and a random id. A token
 * is what lets a browser open the student's socket and rejoin as that student. Tokens are never
 * logged.
 */
@ApplicationScoped
public class StudentTokens {
  public static final String ISSUER = "smartsession";
  public static final String AUDIENCE = "student";
  public static final String SESSION_CLAIM = "sid";

  /** Longer than any token this server issues; longer text is refused before it is parsed. */
  static final int MAX_TOKEN_CHARS = 2048;

  /** Servers of a deployment may disagree on the time by this much (a token issued "later"). */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(StudentTokens.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject StudentTokenSettings settings;
  @Inject Clock clock;

  private MACSigner signer;
  private MACVerifier verifier;
  private Duration lifetime;

  /** For CDI, which then calls {@link #init()}. */
  public StudentTokens() {}

  /**
   * Tokens under this key (at least 32 bytes), lasting {@code lifetime}, timed by {@code clock}.
   */
  StudentTokens(byte[] key, Duration lifetime, Clock clock) {
    this.clock = clock;
    use(key, lifetime);
  }

  @PostConstruct
  void init() {
    byte[] key =
        settings
            .keyBytes()
            .orElseGet(
                () -> {
                  LOG.warning(
                      StudentTokenSettings.KEY_SETTING
                          + " is not set: students' tokens are signed with a random key made at"
                          + " this start, so they do not survive a restart and do not work across"
                          + " several servers. Set it to the base64 of 32 random bytes, the same on"
                          + " every server (for example: openssl rand -base64 32).");
                  byte[] random = new byte[StudentTokenSettings.MIN_KEY_BYTES];
                  RANDOM.nextBytes(random);
                  return random;
                });
    use(key, settings.lifetime());
  }

  /** Made when the application starts, so that a missing key is reported then. */
  void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Observing is enough: CDI creates the bean, and init() reads the key.
  }

  private void use(byte[] key, Duration lifetime) {
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the student token key is too short", e);
    }
    this.lifetime = lifetime;
  }

  /** A fresh token for the student, valid from now for the configured lifetime. */
  public StudentToken issue(StudentKey student) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(lifetime);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(student.studentId())
            .claim(SESSION_CLAIM, student.sessionId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(tokenId())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a student token failed", e);
    }
    return new StudentToken(jwt.serialize(), expiresAt);
  }

  /** Makes every token unique, even two issued to one student in the same second. */
  private static String tokenId() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
  }

  /** Whether {@code token} (null when none was given) is a valid token of exactly this student. */
  public TokenCheck check(String token, StudentKey student) {
    if (token == null || token.isBlank()) {
      return TokenCheck.MISSING;
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return TokenCheck.MALFORMED;
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return TokenCheck.MALFORMED;
    }
    // Only the one algorithm this server signs with: no "none", no other HMAC size.
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !verified(jwt)) {
      return TokenCheck.FORGED;
    }
    String sessionId;
    try {
      sessionId = claims.getStringClaim(SESSION_CLAIM);
    } catch (ParseException e) {
      return TokenCheck.NOT_A_STUDENT_TOKEN;
    }
    Date issuedAt = claims.getIssueTime();
    Date expiresAt = claims.getExpirationTime();
    if (!ISSUER.equals(claims.getIssuer())
        || !List.of(AUDIENCE).equals(claims.getAudience())
        || claims.getSubject() == null
        || sessionId == null
        || issuedAt == null
        || expiresAt == null) {
      return TokenCheck.NOT_A_STUDENT_TOKEN;
    }
    Instant now = clock.instant();
    if (issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      return TokenCheck.NOT_A_STUDENT_TOKEN;
    }
    if (!now.isBefore(expiresAt.toInstant())) {
      return TokenCheck.EXPIRED;
    }
    if (!student.studentId().equals(claims.getSubject())
        || !student.sessionId().equals(sessionId)) {
      return TokenCheck.OTHER_STUDENT;
    }
    return TokenCheck.VALID;
  }

  private boolean verified(SignedJWT jwt) {
    try {
      return jwt.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }
}
