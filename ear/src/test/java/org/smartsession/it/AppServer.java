package org.smartsession.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A full application server unpacked by the build, started by the test as its operator would, on
 * loopback ports of its own, with the very EAR the build made deployed into it; always stopped
 * afterwards, by a JVM shutdown hook too if the test JVM ends first. A failed start, deployment or
 * test prints the end of the server's log.
 *
 * <p>Why not Arquillian's managed containers: the point is to prove the deployment's own
 * configuration files ({@code src-docker/}) and the operator's commands on the unchanged EAR, which
 * is what this does; an adapter would deploy a re-packed archive through its own API, and a second
 * and third adapter on the classpath of the Payara Micro tests would need keeping apart.
 */
abstract class AppServer implements BeforeAllCallback, AfterAllCallback, TestWatcher {
  static final Path EAR = Path.of(property("smartsession.ear"));
  static final Path SERVERS = Path.of(property("servers.dir")).toAbsolutePath();
  static final Path SRC_DOCKER = Path.of(property("src.docker.dir")).toAbsolutePath();

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** How many joins one client may make in a minute on the servers of these tests. */
  static final int JOINS_PER_MINUTE = 40;

  private final List<String> options;
  private Process process;
  private Thread stopAtExit;
  private long logLinesBeforeStart;

  /**
   * @param options JVM options and system properties ({@code -Dname=value}) of the server
   */
  AppServer(List<String> options) {
    this.options = List.copyOf(options);
  }

  /** The options the Payara Micro tests run with, the development sign-in included. */
  static List<String> testOptions() {
    List<String> o = new ArrayList<>();
    o.addAll(split(property("micro.jvm.options")));
    o.addAll(split(property("it.server.options")));
    o.add("-Dsmartsession.auth.student-token-key=" + property("it.student.token.key"));
    // The test is the proxy: its X-Forwarded-For names the client, and join limits count that.
    o.add("-Dsmartsession.proxy.trusted-addresses=127.0.0.1,::1");
    o.add("-Dsmartsession.students.joins-per-minute-per-client=" + JOINS_PER_MINUTE);
    o.addAll(nativeLibraryCaches());
    return o;
  }

  /**
   * A university's configuration, as the Payara Micro OpenID Connect test has it: teachers sign in
   * at the provider {@code browser.OpenIdProvider} starts, with no development sign-in.
   */
  static List<String> openIdOptions() {
    List<String> o = new ArrayList<>(testOptions());
    o.removeIf(s -> s.startsWith("-Dsmartsession.auth.dev-login"));
    o.add(
        "-Dsmartsession.oidc.provider-uri=http://localhost:"
            + property("oidc.it.port")
            + "/school");
    o.add("-Dsmartsession.oidc.client-id=smartsession");
    o.add("-Dsmartsession.oidc.client-secret=not-so-secret");
    return o;
  }

  /**
   * DJL unpacks libtorch (about 430 MB) and JavaCPP OpenCV, OpenBLAS and FFmpeg into the user's
   * home by default; the servers of the tests share these instead, so a clean build starts clean.
   */
  private static List<String> nativeLibraryCaches() {
    return List.of(
        "-DDJL_CACHE_DIR=" + SERVERS.resolve("natives/djl"),
        "-Dorg.bytedeco.javacpp.cachedir=" + SERVERS.resolve("natives/javacpp"));
  }

  private static List<String> split(String options) {
    return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set (the build sets it)");
    }
    return value;
  }

  /** For example "WildFly 39.0.1.Final". */
  abstract String name();

  /** Makes the server's configuration afresh from the distribution, as a deployment would. */
  abstract void configure() throws Exception;

  /**
   * Starts the server process with these options, handing it to {@link #own} as soon as it exists;
   * returns once the server is up, or throws.
   */
  abstract void launch(List<String> options) throws Exception;

  /** Deploys {@link #EAR} as the operator would; returns once it is deployed or throws. */
  abstract void deploy() throws Exception;

  abstract void undeploy() throws Exception;

  /** The application's base URL (it is at the root context). */
  abstract URL url();

  /** Where this server answers MicroProfile Health's readiness. */
  abstract URI readiness();

  /** The server's own log file. */
  abstract Path log();

  /** A line of {@link #log()} logged at the server's error level. */
  abstract Pattern errorLine();

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    stopLeftOver();
    long t = System.nanoTime();
    try {
      configure();
    } catch (Exception | AssertionError e) {
      throw new AssertionError(name() + " could not be configured: " + e.getMessage(), e);
    }
    System.out.printf("%s configured in %.1f s%n", name(), (System.nanoTime() - t) / 1e9);
    start(options);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    System.err.println(
        context.getDisplayName() + " failed on " + name() + "; its log ends:\n" + logTail(80));
  }

  /** Starts with these options and deploys the EAR, saying how long each took. */
  final void start(List<String> with) throws Exception {
    logLinesBeforeStart = lines(""); // all of them
    long t0 = System.nanoTime();
    try {
      launch(with);
    } catch (Exception | AssertionError e) {
      String tail = logTail(80);
      stop();
      throw new AssertionError(name() + " did not start: " + e.getMessage() + "\n" + tail, e);
    }
    long t1 = System.nanoTime();
    try {
      deploy();
      awaitReady();
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          EAR.getFileName()
              + " did not deploy on "
              + name()
              + ": "
              + e.getMessage()
              + "\n"
              + logTail(80),
          e);
    }
    long t2 = System.nanoTime();
    System.out.printf(
        "%s started in %.1f s; %s deployed and ready in %.1f s%n",
        name(), (t1 - t0) / 1e9, EAR.getFileName(), (t2 - t1) / 1e9);
  }

  /** Undeploys, stops and starts again with other options, then deploys again. */
  final void restart(List<String> with) throws Exception {
    undeploy();
    stop();
    start(with);
  }

  /**
   * Takes charge of the server's process: it is stopped with the test, or when the test JVM ends.
   * Its id is kept in a file, so that a run whose JVM was killed outright has its server stopped by
   * the next run.
   */
  final Process own(Process p) throws IOException {
    process = p;
    stopAtExit = new Thread(this::stop, "stop " + name());
    Runtime.getRuntime().addShutdownHook(stopAtExit);
    Files.writeString(pidFile(), Long.toString(p.pid()));
    return p;
  }

  /** Stops a server an earlier run of this test left running. */
  private void stopLeftOver() throws IOException {
    Path file = pidFile();
    if (!Files.exists(file)) {
      return;
    }
    ProcessHandle.of(Long.parseLong(Files.readString(file).strip()))
        .filter(h -> h.info().commandLine().orElse("").contains(SERVERS.toString()))
        .ifPresent(
            h -> {
              System.err.println("stopping " + name() + " left running by an earlier run");
              stop(h);
            });
    Files.delete(file);
  }

  private Path pidFile() {
    return SERVERS.resolve(name().replace(' ', '-') + ".pid");
  }

  /** Stops the server (and whatever it started) gracefully, forcibly after 30 s. */
  final synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    process = null;
    stop(p.toHandle());
    if (stopAtExit != null && Thread.currentThread() != stopAtExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
      } catch (IllegalStateException exiting) {
        // the JVM is already shutting down
      }
    }
  }

  private static void stop(ProcessHandle p) {
    List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
    all.add(p);
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception slow) {
        h.destroyForcibly();
      }
    }
  }

  /** Whether the process the test started still runs. */
  final boolean running() {
    return process != null && process.isAlive();
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Answer last = get(readiness());
    while (last.status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      last = get(readiness());
    }
    if (last.status() != 200) {
      throw new AssertionError("not ready within 60 s: " + last.body());
    }
  }

  /** A GET, answered with status 0 while nothing listens. */
  static Answer get(URI uri) throws InterruptedException {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException nothingYet) {
      return new Answer(0, "(nothing answers at " + uri + ")");
    }
  }

  /** Waits until {@code ready} holds, while the process lives, for at most the start timeout. */
  static void await(Process process, String what, Check ready) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (ready.holds()) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the server exited (" + process.exitValue() + ") before " + what);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no " + what + " within " + START_TIMEOUT);
  }

  /** A condition polled while waiting. */
  interface Check {
    boolean holds() throws Exception;
  }

  /**
   * The lines of the server's log at its error level since it last started (a restart's log goes on
   * from the stopped server's, whose undeployment is not this deployment's business).
   */
  final List<String> errorsLogged() throws IOException {
    try (Stream<String> lines = Files.lines(log(), StandardCharsets.ISO_8859_1)) {
      return lines.skip(logLinesBeforeStart).filter(l -> errorLine().matcher(l).find()).toList();
    }
  }

  /** Whether the server's log has a line containing this text. */
  final boolean logged(String text) throws IOException {
    return lines(text) > 0;
  }

  /** How many lines of the server's log contain this text (0 before there is a log). */
  final long lines(String text) throws IOException {
    if (!Files.exists(log())) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(log(), StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains(text)).count();
    }
  }

  final String logTail(int lines) {
    Path log = log();
    try {
      if (!Files.exists(log)) {
        return "(no " + log + " yet)";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Runs a command line tool of the server to its end; its output, or an error with it. */
  static String run(ProcessBuilder command, Duration timeout) throws Exception {
    Path out = Files.createTempFile(SERVERS, "tool", ".out");
    Process p = command.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    p.getOutputStream().close();
    boolean ended = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String output = Files.readString(out, StandardCharsets.ISO_8859_1);
    Files.delete(out);
    if (!ended) {
      throw new AssertionError(
          String.join(" ", command.command()) + " did not end within " + timeout + ":\n" + output);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", command.command()) + " failed (" + p.exitValue() + "):\n" + output);
    }
    return output;
  }

  /** The same JDK as the tests', for the servers and their tools. */
  static ProcessBuilder tool(Path directory, String... command) {
    ProcessBuilder b = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> env = b.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("AS_JAVA", System.getProperty("java.home"));
    return b;
  }

  /**
   * A base port such that every {@code base + offset} is free on all addresses, from a random start
   * so that two builds on one machine rarely meet.
   */
  static int freePorts(int step, int... offsets) {
    Random random = new Random();
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = 20_000 + step * random.nextInt(30_000 / step);
      if (Arrays.stream(offsets).allMatch(o -> free(base + o))) {
        return base;
      }
    }
    throw new IllegalStateException("no free ports found");
  }

  private static boolean free(int port) {
    try (ServerSocket any = new ServerSocket()) {
      any.bind(new InetSocketAddress(port));
    } catch (IOException taken) {
      return false;
    }
    try (ServerSocket loopback = new ServerSocket()) {
      loopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  static URL loopback(int port) {
    try {
      return URI.create("http://127.0.0.1:" + port + "/").toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies a directory tree. */
  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  /** A status and a body; status 0 while nothing listens. */
  record Answer(int status, String body) {}
}
