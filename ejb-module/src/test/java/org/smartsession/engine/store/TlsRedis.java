package org.smartsession.engine.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real Redis (the embedded-redis binary) that speaks only TLS, on a free loopback port, with a
 * certificate from the test authority in {@code src/test/resources/redis-tls}: {@code localhost}
 * names 127.0.0.1, {@code elsewhere} only redis.example.org. {@code trust.p12} trusts that
 * authority alone. The keys there are for tests and protect nothing.
 */
final class TlsRedis implements AutoCloseable {
  static final String TRUST_STORE_PASSWORD = "changeit";

  private final int tlsPort;
  private final RedisServer server;

  TlsRedis(String certificate) throws IOException, URISyntaxException {
    int plainPort = freePort();
    tlsPort = freePort();
    server =
        RedisServer.newRedisServer()
            .port(plainPort)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("tls-port " + tlsPort)
            .setting("tls-cert-file " + file(certificate + ".pem"))
            .setting("tls-key-file " + file(certificate + ".key"))
            .setting("tls-auth-clients no")
            .build();
    server.start();
  }

  /** A {@code rediss://} URL of this server, by its address. */
  String url() {
    return "rediss://127.0.0.1:" + tlsPort;
  }

  static Path file(String name) throws URISyntaxException {
    return Path.of(TlsRedis.class.getResource("/redis-tls/" + name).toURI());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    server.stop();
  }
}
