package org.smartsession.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.RedisSettings;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisSentinel;

/** Reaching Redis as configured: ACL users, Sentinel, TLS and timeouts, against real servers. */
class RedisClientsTest {
  private static RedisTestServer redis;

  @BeforeAll
  static void startRedis() throws IOException {
    redis = new RedisTestServer();
    redis
        .client()
        .sendCommand(
            Protocol.Command.ACL,
            "SETUSER",
            "smartsession",
            "on",
            ">s3cret",
            "~smartsession:*",
            "+@all");
  }

  @AfterAll
  static void stopRedis() throws IOException {
    redis.close();
  }

  private static RedisSettings settings(
      String url, Optional<String> user, Optional<String> password) {
    return new RedisSettings(
        Optional.of(url),
        user,
        password,
        500,
        4,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private String local() {
    return "127.0.0.1:" + redis.port();
  }

  @Test
  void anAclUserSignsInWithTheUrlsCredentialsOrTheSettingsWhichWin() {
    try (UnifiedJedis client =
        RedisClients.open(
            settings(
                "redis://smartsession:s3cret@" + local(), Optional.empty(), Optional.empty()))) {
      client.set("smartsession:test", "1");
      assertEquals("1", client.get("smartsession:test"));
    }
    try (UnifiedJedis client =
        RedisClients.open(
            settings(
                "redis://smartsession:wrong@" + local(),
                Optional.empty(),
                Optional.of("s3cret")))) {
      assertEquals("1", client.get("smartsession:test"), "the password setting wins");
    }
    try (UnifiedJedis client =
        RedisClients.open(
            settings("redis://" + local(), Optional.of("smartsession"), Optional.of("wrong")))) {
      assertThrows(JedisException.class, () -> client.get("smartsession:test"));
    }
  }

  @Test
  void findsTheMasterThroughSentinel() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisSentinel sentinel =
        RedisSentinel.newRedisSentinel()
            .bind("127.0.0.1")
            .port(port)
            .masterPort(redis.port())
            .masterName("smartsession")
            .quorumSize(1)
            .build();
    sentinel.start();
    try (UnifiedJedis client =
        RedisClients.open(
            new RedisSettings(
                Optional.empty(),
                Optional.of("smartsession"),
                Optional.of("s3cret"),
                2_000,
                4,
                Optional.of("smartsession"),
                List.of("127.0.0.1:" + port),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()))) {
      client.set("smartsession:through-sentinel", "yes");
    } finally {
      sentinel.stop();
    }
    assertEquals("yes", redis.client().get("smartsession:through-sentinel"));
  }

  @Test
  void rediss_turnsTlsOnAndTheUrlGivesTheDatabase() {
    JedisClientConfig tls =
        RedisClients.clientConfig(
            RedisSettings.at("rediss://h:6380/2"), URI.create("rediss://h:6380/2"));
    assertTrue(tls.isSsl());
    assertEquals(2, tls.getDatabase());
    assertEquals(2_000, tls.getSocketTimeoutMillis());
    assertFalse(
        RedisClients.clientConfig(RedisSettings.at("redis://h"), URI.create("redis://h")).isSsl());
  }

  @Test
  void overTlsTheCertificateMustChainToTheTrustStoreAndNameTheHost() throws Exception {
    String trust = TlsRedis.file("trust.p12").toString();
    try (TlsRedis named = new TlsRedis("localhost");
        TlsRedis misnamed = new TlsRedis("elsewhere")) {
      try (UnifiedJedis client = RedisClients.open(tls(named.url(), trust))) {
        client.set("smartsession:over-tls", "yes");
        assertEquals("yes", client.get("smartsession:over-tls"));
      }
      try (UnifiedJedis untrusted = RedisClients.open(tls(named.url(), null))) {
        assertThrows(
            JedisConnectionException.class,
            () -> untrusted.get("smartsession:over-tls"),
            "not an authority the JVM trusts");
      }
      try (UnifiedJedis wrongHost = RedisClients.open(tls(misnamed.url(), trust))) {
        assertThrows(
            JedisConnectionException.class,
            () -> wrongHost.get("smartsession:over-tls"),
            "a certificate for redis.example.org, not 127.0.0.1");
      }
    }
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedisClients.open(tls("rediss://127.0.0.1:1", "/no/such/trust.p12")));
    assertTrue(missing.getMessage().contains("smartsession.redis.trust-store"));
  }

  private static RedisSettings tls(String url, String trustStore) {
    return new RedisSettings(
        Optional.of(url),
        Optional.empty(),
        Optional.empty(),
        2_000,
        2,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.ofNullable(trustStore),
        Optional.of(TlsRedis.TRUST_STORE_PASSWORD));
  }

  @Test
  void badSettingsSayWhichToFix() {
    IllegalArgumentException url =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedisClients.open(RedisSettings.at("http://user:pw@host:6379")));
    assertTrue(url.getMessage().contains("smartsession.redis.url"), url.getMessage());
    assertFalse(url.getMessage().contains("pw"), "no password in the message");
    assertThrows(IllegalArgumentException.class, () -> sentinel("m", List.of()));
    IllegalArgumentException node =
        assertThrows(IllegalArgumentException.class, () -> sentinel("m", List.of("no-port")));
    assertTrue(node.getMessage().contains("smartsession.redis.sentinel.nodes"));
  }

  private static RedisSettings sentinel(String master, List<String> nodes) {
    return new RedisSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        2_000,
        4,
        Optional.of(master),
        nodes,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
