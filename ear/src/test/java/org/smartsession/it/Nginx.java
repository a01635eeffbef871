package org.smartsession.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of the test's servers, with the very configuration a deployment uses
 * ({@code src-docker/nginx/smartsession.conf}): only its backends and its port are the test's.
 */
final class Nginx implements AutoCloseable {
  static final Path CONFIGURATION = Path.of("..", "src-docker", "nginx", "smartsession.conf");
  private static final Path BINARY = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;

  private Nginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** The deployment's configuration with these backends, checked by {@code nginx -t}. */
  static Path configure(Path dir, List<URL> backends, int port) throws IOException {
    Files.createDirectories(dir);
    String servers =
        backends.stream()
            .map(b -> "    server 127.0.0.1:" + b.getPort() + " max_fails=1 fail_timeout=5s;")
            .collect(Collectors.joining("\n"));
    String site =
        Files.readString(CONFIGURATION)
            .replaceAll("(?m)^    server backend\\d:8080[^\\n]*\\n", "")
            .replace("least_conn;\n", "least_conn;\n" + servers + "\n")
            .replace("ip_hash;\n", "ip_hash;\n" + servers + "\n")
            .replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
    Files.writeString(dir.resolve("smartsession.conf"), site);
    String root = dir.toAbsolutePath().toString();
    Files.writeString(
        dir.resolve("nginx.conf"),
        ("root".equals(System.getProperty("user.name")) ? "user root;\n" : "")
            + "worker_processes 1;\n"
            + "daemon off;\n"
            + "pid "
            + root
            + "/nginx.pid;\n"
            + "error_log "
            + root
            + "/error.log;\n"
            + "events { worker_connections 512; }\n"
            + "http {\n"
            + "  access_log off;\n"
            + "  client_body_temp_path "
            + root
            + "/body;\n"
            + "  proxy_temp_path "
            + root
            + "/proxy;\n"
            + "  fastcgi_temp_path "
            + root
            + "/fastcgi;\n"
            + "  uwsgi_temp_path "
            + root
            + "/uwsgi;\n"
            + "  scgi_temp_path "
            + root
            + "/scgi;\n"
            + "  include "
            + root
            + "/smartsession.conf;\n"
            + "}\n",
        StandardCharsets.UTF_8);
    return dir.resolve("nginx.conf");
  }

  /** {@code nginx -t}'s exit code and output for a configuration. */
  static String test(Path conf) throws IOException, InterruptedException {
    Process check =
        new ProcessBuilder(
                BINARY.toString(),
                "-t",
                "-e",
                errorLog(conf),
                "-c",
                conf.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return check.waitFor() + " " + output;
  }

  /** Given on the command line too: nginx opens its built-in log before reading the file. */
  private static String errorLog(Path conf) {
    return conf.toAbsolutePath().resolveSibling("error.log").toString();
  }

  static Nginx start(Path dir, List<URL> backends) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path conf = configure(dir, backends, port);
    Process process =
        new ProcessBuilder(
                BINARY.toString(), "-e", errorLog(conf), "-c", conf.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Nginx(process, port);
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(
        "nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
  }

  URL url() throws IOException {
    return new URL("http://127.0.0.1:" + port + "/");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
