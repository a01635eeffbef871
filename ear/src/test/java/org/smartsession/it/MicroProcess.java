package org.smartsession.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro started as an operator starts it, with the options given, its output in a file: for
 * tests of how the server is started, stopped and started again, which Arquillian cannot show.
 */
public final class MicroProcess implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;

  private MicroProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts {@code java -jar payara-micro.jar} on {@code port} with {@code options}. */
  static MicroProcess start(int port, Path log, List<String> options) throws IOException {
    return start(List.of(), List.of(), port, log, options);
  }

  /**
   * The same, the command run through {@code prefix} (such as {@code taskset -c 0}), with more JVM
   * options.
   */
  public static MicroProcess start(
      List<String> prefix, List<String> jvm, int port, Path log, List<String> options)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("micro.jvm.options", "").trim().split("\\s+")));
    command.addAll(Arrays.asList(System.getProperty("it.server.options", "").trim().split("\\s+")));
    command.add(
        "-Dsmartsession.auth.student-token-key=" + System.getProperty("it.student.token.key"));
    command.addAll(jvm);
    command.add("-jar");
    command.add(System.getProperty("micro.jar", "target/payara-micro.jar"));
    command.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--nohazelcast",
            "--disablephonehome",
            "--prebootcommandfile",
            System.getProperty("micro.preboot")));
    command.addAll(options);
    command.removeIf(String::isEmpty);
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new MicroProcess(process, log, port);
  }

  public URL url() throws IOException {
    return URI.create("http://127.0.0.1:" + port + "/").toURL();
  }

  /** Waits until {@code /health/ready} is up or says why it cannot be, and returns that answer. */
  public HttpResponse<String> awaitReadiness(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        last =
            HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        // Up, or down for good: the models failed (say, a second copy without its natives).
        if (last.statusCode() == 200 || last.body().contains("Exception")) {
          return last;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "Payara Micro not ready within "
            + timeout
            + "; last answer "
            + (last == null ? "none" : last.body())
            + "\n"
            + tail());
  }

  /** The last lines of its output, for a failure's message. */
  public String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  /** Stops it as an operator does (SIGTERM), and waits for it to end. */
  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
