package org.smartsession.engine.store;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.smartsession.engine.config.RedisSettings;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Opens Redis clients as {@link RedisSettings} say: one server or a Sentinel-watched master, TLS
 * for {@code rediss://}, the ACL user and password, the timeouts and the pool size. The store and
 * the relay between servers open theirs here, so both reach Redis the same way.
 */
public final class RedisClients {
  private RedisClients() {}

  public static UnifiedJedis open(RedisSettings settings) {
    URI uri = URI.create(settings.url().orElse("redis://localhost:6379"));
    if (!JedisURIHelper.isValid(uri)) {
      throw new IllegalArgumentException(
          "smartsession.redis.url must look like redis://[user:password@]host:port[/db], not "
              + RedisSettings.at(uri.toString()).describe());
    }
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(settings.poolSize());
    pool.setMaxIdle(settings.poolSize());
    // A pool that is used up waits no longer than a reply would.
    pool.setMaxWait(Duration.ofMillis(settings.timeoutMs()));
    JedisClientConfig config = clientConfig(settings, uri);
    if (settings.sentinelMaster().isPresent()) {
      Set<HostAndPort> sentinels = new LinkedHashSet<>();
      settings.sentinels().forEach(node -> sentinels.add(HostAndPort.from(node)));
      DefaultJedisClientConfig.Builder sentinelConfig =
          DefaultJedisClientConfig.builder()
              .timeoutMillis(settings.timeoutMs())
              .ssl(JedisURIHelper.isRedisSSLScheme(uri));
      if (JedisURIHelper.isRedisSSLScheme(uri)) {
        sentinelConfig.sslOptions(tls(settings));
      }
      settings.sentinelPassword().ifPresent(sentinelConfig::password);
      return RedisSentinelClient.builder()
          .masterName(settings.sentinelMaster().get())
          .sentinels(sentinels)
          .clientConfig(config)
          .sentinelClientConfig(sentinelConfig.build())
          .poolConfig(pool)
          .build();
    }
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(config)
        .poolConfig(pool)
        .build();
  }

  /** Credentials from the settings before those of the URL; TLS for {@code rediss://}. */
  static JedisClientConfig clientConfig(RedisSettings settings, URI uri) {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .timeoutMillis(settings.timeoutMs())
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .clientName("smartsession");
    if (JedisURIHelper.isRedisSSLScheme(uri)) {
      config.sslOptions(tls(settings));
    }
    String user = settings.user().orElse(JedisURIHelper.getUser(uri));
    String password = settings.password().orElse(JedisURIHelper.getPassword(uri));
    if (user != null) {
      config.user(user);
    }
    if (password != null) {
      config.password(password);
    }
    if (JedisURIHelper.hasDbIndex(uri)) {
      config.database(JedisURIHelper.getDBIndex(uri));
    }
    return config.build();
  }

  /**
   * TLS that checks the certificate's chain and that it names the host (Jedis checks only the chain
   * unless told): against the configured trust store, else the JVM's.
   */
  static SslOptions tls(RedisSettings settings) {
    SslOptions.Builder tls = SslOptions.builder().sslVerifyMode(SslVerifyMode.FULL);
    if (settings.trustStore().isPresent()) {
      File store = new File(settings.trustStore().get());
      if (!store.isFile() || !store.canRead()) {
        throw new IllegalArgumentException(
            "smartsession.redis.trust-store: no readable file at " + store.getAbsolutePath());
      }
      tls.truststore(store, settings.trustStorePassword().map(String::toCharArray).orElse(null));
    }
    return tls.build();
  }
}
