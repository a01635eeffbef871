package org.smartsession.engine.config;

import java.util.List;
import java.util.Optional;

/**
 * The Redis that holds shared state, or none. Either one server, {@code url} ({@code
 * redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS), or a Sentinel-watched master
 * ({@code sentinelMaster} at {@code sentinels}, "host:port" each; the URL then gives only the
 * scheme, credentials and database). {@code user} and {@code password}, when set, take the place of
 * the URL's, so that a secret can come from its own variable. {@code timeoutMs} bounds connecting
 * and every reply; {@code poolSize} is the most connections one client keeps. Over TLS the server's
 * certificate must name the host and chain to {@code trustStore} (a PKCS12 or JKS file, opened with
 * {@code trustStorePassword}) or, without one, to the JVM's trusted authorities.
 */
public record RedisSettings(
    Optional<String> url,
    Optional<String> user,
    Optional<String> password,
    int timeoutMs,
    int poolSize,
    Optional<String> sentinelMaster,
    List<String> sentinels,
    Optional<String> sentinelPassword,
    Optional<String> trustStore,
    Optional<String> trustStorePassword) {
  public static final RedisSettings DEFAULTS =
      new RedisSettings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          2_000,
          16,
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public RedisSettings {
    url = present(url);
    user = present(user);
    password = present(password);
    sentinelMaster = present(sentinelMaster);
    sentinelPassword = present(sentinelPassword);
    trustStore = present(trustStore);
    trustStorePassword = present(trustStorePassword);
    sentinels = sentinels.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (timeoutMs < 1 || poolSize < 1) {
      throw new IllegalArgumentException(
          "smartsession.redis.timeout-ms and smartsession.redis.pool-size must be at least 1");
    }
    if (sentinelMaster.isPresent() != !sentinels.isEmpty()) {
      throw new IllegalArgumentException(
          "smartsession.redis.sentinel.master and smartsession.redis.sentinel.nodes go together");
    }
    for (String node : sentinels) {
      if (!node.matches("[^:\\s]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "smartsession.redis.sentinel.nodes takes host:port entries, not '" + node + "'");
      }
    }
  }

  /** One server, at {@code url}. */
  public static RedisSettings at(String url) {
    return DEFAULTS.withUrl(url);
  }

  public RedisSettings withUrl(String url) {
    return new RedisSettings(
        Optional.ofNullable(url),
        user,
        password,
        timeoutMs,
        poolSize,
        sentinelMaster,
        sentinels,
        sentinelPassword,
        trustStore,
        trustStorePassword);
  }

  /** Whether state is kept in Redis at all. */
  public boolean enabled() {
    return url.isPresent() || sentinelMaster.isPresent();
  }

  /** Where it is, for logs: the URL without its password, or the Sentinel master's name. */
  public String describe() {
    return sentinelMaster
        .map(m -> "master '" + m + "' of Sentinels " + String.join(",", sentinels))
        .orElseGet(() -> url.map(RedisSettings::redacted).orElse("(none)"));
  }

  static String redacted(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  private static Optional<String> present(Optional<String> value) {
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }
}
