package org.smartsession.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.it.Nginx;

/**
 * The compose file's front, {@code src-docker/nginx/smartsession-tls.conf} with its snippets, run
 * by Debian's nginx with a throwaway self-signed certificate: only its ports, the certificates'
 * directory and the upstream hosts are the test's (a stub backend and a stub Keycloak, which record
 * what reaches them). Skipped, with a message, where nginx is not installed.
 */
class NginxTlsTest {
  private static final Path DIR = Path.of("target", "nginx-tls");

  private static final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private static HttpServer backend;
  private static HttpServer keycloak;
  private static Nginx nginx;
  private static Path conf;
  private static int httpsPort;
  private static int httpPort;
  private static HttpClient client;

  /** A request as a stub upstream received it. */
  private record Seen(String upstream, String path, String host, String forwardedProto) {}

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Nginx.available(), "needs Debian's nginx (apt-get install nginx)");
    SelfSignedCertificate pair = SelfSignedCertificate.create(DIR.resolve("certs"));
    backend = stub("backend");
    keycloak = stub("keycloak");
    httpsPort = Nginx.freePort();
    httpPort = Nginx.freePort();
    Map<String, String> replacements = new LinkedHashMap<>();
    replacements.put("listen 80;", "listen 127.0.0.1:" + httpPort + ";");
    replacements.put("listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;");
    replacements.put("/etc/nginx/certs/", pair.certificate().toAbsolutePath().getParent() + "/");
    replacements.put("keycloak:8080", "127.0.0.1:" + keycloak.getAddress().getPort());
    String site = Files.readString(Nginx.TLS_CONFIGURATION);
    for (String original : replacements.keySet()) {
      assertTrue(site.contains(original), "the TLS configuration no longer says " + original);
    }
    URL backendUrl = new URL("http://127.0.0.1:" + backend.getAddress().getPort() + "/");
    conf =
        Nginx.configure(
            DIR.resolve("conf"), Nginx.TLS_CONFIGURATION, List.of(backendUrl), replacements);
    nginx = Nginx.run(conf, httpsPort);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(pair.trustStore());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    seen.clear();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (nginx != null) {
      nginx.close();
    }
    for (HttpServer server : new HttpServer[] {backend, keycloak}) {
      if (server != null) {
        server.stop(0);
      }
    }
  }

  @Test
  void nginxAcceptsTheConfigurationWithItsCertificate() throws Exception {
    String check = Nginx.test(conf);
    assertTrue(check.startsWith("0 "), "nginx -t: " + check);
  }

  @Test
  void teachersAndStudentsReachTheBackendsOverTlsWithTheSchemeAndHostPassedOn() throws Exception {
    for (String path : List.of("/teacher/", "/api/v1/sessions", "/student/?session=S1")) {
      HttpResponse<String> answer = get("https://127.0.0.1:" + httpsPort + path);
      assertEquals(200, answer.statusCode(), path);
      assertTrue(
          Set.of("TLSv1.2", "TLSv1.3").contains(answer.sslSession().orElseThrow().getProtocol()));
      Seen request = seen.poll(5, TimeUnit.SECONDS);
      assertNotNull(request, path + " reached no backend");
      assertEquals("backend", request.upstream());
      assertEquals(path, request.path());
      assertEquals("127.0.0.1:" + httpsPort, request.host());
      assertEquals("https", request.forwardedProto());
    }
  }

  @Test
  void plainHttpIsRedirectedToHttpsAndNeverProxied() throws Exception {
    HttpResponse<String> answer = get("http://127.0.0.1:" + httpPort + "/teacher/?session=S1");
    assertEquals(301, answer.statusCode());
    assertEquals(
        "https://127.0.0.1/teacher/?session=S1",
        answer.headers().firstValue("Location").orElseThrow());
    assertNull(seen.poll());
  }

  @Test
  void operatorsPathsAreNotServed() throws Exception {
    for (String path : List.of("/health/ready", "/metrics", "/openapi")) {
      assertEquals(404, get("https://127.0.0.1:" + httpsPort + path).statusCode(), path);
    }
    assertNull(seen.poll());
  }

  @Test
  void keycloaksSignInPagesAreServedUnderIdpButNotItsAdminConsole() throws Exception {
    String discovery = "/idp/realms/smartsession/.well-known/openid-configuration";
    assertEquals(200, get("https://127.0.0.1:" + httpsPort + discovery).statusCode());
    Seen request = seen.poll(5, TimeUnit.SECONDS);
    assertNotNull(request);
    assertEquals("keycloak", request.upstream());
    assertEquals(discovery, request.path());
    assertEquals("https", request.forwardedProto());
    for (String path : List.of("/idp/admin/master/console/", "/idp/metrics")) {
      assertEquals(404, get("https://127.0.0.1:" + httpsPort + path).statusCode(), path);
    }
    assertNull(seen.poll());
    assertFalse(Files.readString(conf.resolveSibling("error.log")).contains("[emerg]"));
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpServer stub(String name) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        (HttpExchange exchange) -> {
          seen.add(
              new Seen(
                  name,
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Host"),
                  exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")));
          byte[] body = name.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }
}
