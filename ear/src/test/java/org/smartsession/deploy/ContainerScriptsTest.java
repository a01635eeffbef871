package org.smartsession.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell scripts the images run, run here by bash as the images would: the health check against
 * a server that answers as told, and the Payara Server image's deploy-once step against a domain
 * with and without SmartSession (its domain.xml line as Payara Server 6.2025.9 wrote it after
 * {@code asadmin deploy smartsession.ear}; no Payara Server runs here).
 */
class ContainerScriptsTest {
  private static final Path HEALTHCHECK = Path.of("..", "src-docker", "common", "healthcheck.sh");
  private static final Path DEPLOY_ONCE =
      Path.of("..", "src-docker", "payara-server", "deploy-once.sh");
  private static final Path BASH = Path.of("/bin/bash");

  @BeforeAll
  static void needsBash() {
    Assumptions.assumeTrue(Files.isExecutable(BASH), "needs bash, which the images have");
  }

  @Test
  void theHealthCheckSucceedsOnlyOnTheExpectedStatus() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    answer(server, "/health/ready", 200);
    answer(server, "/health/down", 503);
    answer(server, "/", 301);
    server.start();
    try {
      String port = String.valueOf(server.getAddress().getPort());
      assertEquals(0, healthcheck(port, "/health/ready"));
      assertNotEquals(0, healthcheck(port, "/health/down"));
      assertNotEquals(0, healthcheck(port, "/"));
      assertEquals(0, healthcheck(port, "/", "301"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theHealthCheckFailsWhenNothingListensOrNothingAnswers() throws Exception {
    int closed;
    try (ServerSocket free = new ServerSocket(0)) {
      closed = free.getLocalPort();
    }
    assertNotEquals(0, healthcheck(String.valueOf(closed), "/health/ready"));
    try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try (Socket ignored = silent.accept()) {
                  Thread.sleep(15_000);
                } catch (IOException | InterruptedException done) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      long start = System.nanoTime();
      assertNotEquals(0, healthcheck(String.valueOf(silent.getLocalPort()), "/health/ready"));
      assertTrue(
          System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10),
          "a server that never answers must fail the check within its own timeout");
      acceptor.interrupt();
    }
  }

  @Test
  void aDomainThatHoldsSmartSessionIsNotAskedToDeployItAgain(@TempDir Path dir) throws Exception {
    Path postBoot =
        payaraHome(
            dir,
            "    <application deployment-time=\"12026\" object-type=\"user\""
                + " name=\"smartsession\""
                + " location=\"${com.sun.aas.instanceRootURI}/applications/smartsession/\""
                + " time-deployed=\"1796187738358\">");
    assertEquals(0, deployOnce(dir));
    assertEquals(List.of("set-log-levels fish.payara=INFO", ""), Files.readAllLines(postBoot));
  }

  @Test
  void aFreshDomainDeploysSmartSession(@TempDir Path dir) throws Exception {
    Path postBoot =
        payaraHome(dir, "    <application name=\"smartsession-other\" object-type=\"user\">");
    List<String> before = Files.readAllLines(postBoot);
    assertEquals(0, deployOnce(dir));
    assertEquals(before, Files.readAllLines(postBoot));
    assertTrue(before.contains("deploy  /opt/payara/deployments/smartsession.ear"));
  }

  /**
   * A Payara home as the image's entrypoint leaves it before its init.d scripts run: a domain whose
   * domain.xml has this application line, and this start's post-boot commands (the image's
   * configuration, then the deploy its own step appended, with $DEPLOY_PROPS empty).
   */
  private static Path payaraHome(Path dir, String applicationLine) throws IOException {
    Path config = dir.resolve("appserver/glassfish/domains/domain1/config");
    Files.createDirectories(config);
    Files.writeString(
        config.resolve("domain.xml"),
        "<domain>\n  <applications>\n"
            + applicationLine
            + "\n    </application>\n"
            + "  </applications>\n</domain>\n");
    Path postBoot = dir.resolve("post-boot-commands-final.asadmin");
    Files.writeString(
        postBoot,
        "set-log-levels fish.payara=INFO\n\ndeploy  /opt/payara/deployments/smartsession.ear\n");
    return postBoot;
  }

  private static int deployOnce(Path dir) throws Exception {
    return run(
        Map.of(
            "PAYARA_DIR", dir.resolve("appserver").toString(),
            "DOMAIN_NAME", "domain1",
            "POSTBOOT_COMMANDS_FINAL", dir.resolve("post-boot-commands-final.asadmin").toString()),
        BASH.toString(),
        "-c",
        ". \"$0\"",
        DEPLOY_ONCE.toAbsolutePath().toString());
  }

  private static int healthcheck(String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = BASH.toString();
    command[1] = HEALTHCHECK.toAbsolutePath().toString();
    System.arraycopy(args, 0, command, 2, args.length);
    return run(Map.of(), command);
  }

  private static int run(Map<String, String> environment, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), new String(output, StandardCharsets.UTF_8));
    return process.exitValue();
  }

  private static void answer(HttpServer server, String path, int status) {
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Location", "https://127.0.0.1/");
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }
}
