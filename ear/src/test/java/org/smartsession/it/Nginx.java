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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx in front of the test's servers, with the very configuration a deployment uses
 * ({@code src-docker/nginx/}, its snippets included): only its backends, ports and paths are the
 * test's.
 */
public final class Nginx implements AutoCloseable {
  public static final Path DIRECTORY = Path.of("..", "src-docker", "nginx");

  /** Plain HTTP, as the cluster test runs it. */
  public static final Path CONFIGURATION = DIRECTORY.resolve("smartsession.conf");

  /** TLS terminated by nginx, as the compose file runs it. */
  public static final Path TLS_CONFIGURATION = DIRECTORY.resolve("smartsession-tls.conf");

  private static final Path BINARY = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;

  private Nginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** The plain configuration with these backends, listening on {@code port}. */
  static Path configure(Path dir, List<URL> backends, int port) throws IOException {
    return configure(
        dir, CONFIGURATION, backends, Map.of("listen 8080;", "listen 127.0.0.1:" + port + ";"));
  }

  /**
   * One of the deployment's sites with its snippets, written to {@code dir}: the compose file's
   * backends replaced by these, and each key of {@code replacements} (ports, paths, host names the
   * test cannot resolve) by its value. Answers the nginx.conf that includes it.
   */
  public static Path configure(
      Path dir, Path site, List<URL> backends, Map<String, String> replacements)
      throws IOException {
    Files.createDirectories(dir.resolve("snippets"));
    String servers =
        backends.stream()
            .map(b -> "    server 127.0.0.1:" + b.getPort() + " max_fails=1 fail_timeout=5s;")
            .collect(Collectors.joining("\n"));
    try (Stream<Path> snippets = Files.list(DIRECTORY.resolve("snippets"))) {
      for (Path snippet : snippets.toList()) {
        String text =
            Files.readString(snippet)
                .replaceAll("(?m)^    server backend\\d:8080[^\\n]*\\n", "")
                .replace("least_conn;\n", "least_conn;\n" + servers + "\n")
                .replace("ip_hash;\n", "ip_hash;\n" + servers + "\n");
        Files.writeString(
            dir.resolve("snippets").resolve(snippet.getFileName()), replace(text, replacements));
      }
    }
    Path written = dir.resolve(site.getFileName());
    Files.writeString(written, replace(Files.readString(site), replacements));
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
            + written.toAbsolutePath()
            + ";\n"
            + "}\n",
        StandardCharsets.UTF_8);
    return dir.resolve("nginx.conf");
  }

  private static String replace(String text, Map<String, String> replacements) {
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      text = text.replace(r.getKey(), r.getValue());
    }
    return text;
  }

  /** {@code nginx -t}'s exit code and output for a configuration. */
  public static String test(Path conf) throws IOException, InterruptedException {
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

  public static Nginx start(Path dir, List<URL> backends) throws Exception {
    int port = freePort();
    return run(configure(dir, backends, port), port);
  }

  public static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** Starts nginx on a configuration written by {@code configure}, once {@code port} answers. */
  public static Nginx run(Path conf, int port) throws Exception {
    Path out = conf.resolveSibling("nginx.out");
    Process process =
        new ProcessBuilder(
                BINARY.toString(), "-e", errorLog(conf), "-c", conf.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
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
    throw new IllegalStateException("nginx did not start: " + Files.readString(out));
  }

  public URL url() throws IOException {
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
