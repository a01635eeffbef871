package org.smartsession.engine.config;

import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How students' join tokens are signed and how long they last. {@code key} is the base64 of the
 * HMAC key every server of a deployment shares (at least 32 bytes); without it each start makes a
 * random key of its own. {@link #toString()} never shows the key.
 */
public record StudentTokenSettings(Optional<String> key, int lifetimeHours) {
  public static final String KEY_SETTING = "smartsession.auth.student-token-key";
  public static final int MIN_KEY_BYTES = 32;
  public static final StudentTokenSettings DEFAULTS =
      new StudentTokenSettings(Optional.empty(), 12);

  public StudentTokenSettings {
    Objects.requireNonNull(key, "key");
    key.ifPresent(StudentTokenSettings::decode);
    if (lifetimeHours < 1) {
      throw new IllegalArgumentException("the student token lifetime must be at least 1 hour");
    }
  }

  /** The shared key's bytes, when the deployment set one. */
  public Optional<byte[]> keyBytes() {
    return key.map(StudentTokenSettings::decode);
  }

  public Duration lifetime() {
    return Duration.ofHours(lifetimeHours);
  }

  /** Decodes the key; the message names the setting and never repeats the value. */
  private static byte[] decode(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          KEY_SETTING
              + " must be the base64 of at least "
              + MIN_KEY_BYTES
              + " random bytes (for example the output of: openssl rand -base64 32)");
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "StudentTokenSettings[key="
        + (key.isPresent() ? "(set)" : "(none)")
        + ", lifetimeHours="
        + lifetimeHours
        + "]";
  }
}
