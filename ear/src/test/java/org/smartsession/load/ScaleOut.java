package org.smartsession.load;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smartsession.it.Directories;
import org.smartsession.it.MicroProcess;
import org.smartsession.it.Nginx;
import redis.embedded.RedisServer;

/**
 * Scale-out on one machine: one Payara Micro pinned to one core ({@code taskset -c 0}) against two,
 * pinned to a core each, sharing one Redis behind Debian's nginx with the repository's
 * configuration; the same load generator steps the students up for each, and reports the most
 * students each held with every frame answered and p99 frame → FEEDBACK under the target, and the
 * servers' CPU per frame. Started by {@code ./mvnw -Pscale-out verify} (README, "Scale-out").
 */
public final class ScaleOut {
  private static final Duration START = Duration.ofSeconds(300);

  private ScaleOut() {}

  public static void main(String[] args) throws Exception {
    LoadSettings load = LoadSettings.fromSystemProperties();
    List<Integer> single = counts("scale.single", "20,30,40,50,60");
    List<Integer> pair = counts("scale.pair", "40,60,80,100,120");
    double targetMs = Double.parseDouble(System.getProperty("scale.p99-target-ms", "150"));
    FrameSource frames = FrameSource.load(load.frames());
    Path dir = Path.of("target", "scale-out");
    Files.createDirectories(dir);
    List<String> jvm = List.of("-Dsmartsession.students.joins-per-minute-per-client=1000000");

    int redisPort = MicroProcess.freePort();
    RedisServer redis =
        RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"").build();
    redis.start();
    List<String> withRedis = new ArrayList<>(jvm);
    withRedis.add("-Dsmartsession.redis.url=redis://127.0.0.1:" + redisPort);
    try {
      List<JsonObject> one;
      try (MicroProcess a = server(0, withRedis, dir.resolve("single.log"))) {
        one = steps(load, frames, List.of(a.url()), single);
      }
      List<JsonObject> two;
      try (MicroProcess a = server(0, withRedis, dir.resolve("pair-a.log"));
          MicroProcess b = server(1, withRedis, dir.resolve("pair-b.log"));
          Nginx nginx = Nginx.start(dir.resolve("nginx"), List.of(a.url(), b.url()))) {
        two = steps(load, frames, List.of(nginx.url(), a.url(), b.url()), pair);
      }
      report(one, two, targetMs, load.out());
    } finally {
      redis.stop();
    }
    System.exit(0);
  }

  private static List<Integer> counts(String property, String otherwise) {
    return Arrays.stream(System.getProperty(property, otherwise).split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .toList();
  }

  private static MicroProcess server(int core, List<String> jvm, Path log) throws Exception {
    // A root directory kept from an earlier run holds the application deployed there too: it
    // would be deployed twice, and the second copy cannot load the natives the first holds.
    Path root = log.resolveSibling(log.getFileName() + ".root");
    Directories.delete(root);
    MicroProcess server =
        MicroProcess.start(
            List.of("taskset", "-c", Integer.toString(core)),
            jvm,
            MicroProcess.freePort(),
            log,
            List.of(
                "--deploy",
                System.getProperty("smartsession.war"),
                "--contextroot",
                "/",
                "--rootdir",
                root.toString()));
    if (server.awaitReadiness(START).statusCode() != 200) {
      throw new IllegalStateException("not ready:\n" + server.tail());
    }
    return server;
  }

  /**
   * The steps against {@code urls}: students and teachers through the first (the server, or nginx),
   * metrics from the others if there are more (the backends behind nginx).
   */
  private static List<JsonObject> steps(
      LoadSettings load, FrameSource frames, List<URL> urls, List<Integer> counts)
      throws Exception {
    List<URI> through = List.of(urls.get(0).toURI());
    List<URI> measured = new ArrayList<>();
    for (URL u : urls.size() == 1 ? urls : urls.subList(1, urls.size())) {
      measured.add(u.toURI());
    }
    LoadSettings settings =
        new LoadSettings(
            through,
            measured,
            counts,
            load.fps(),
            load.teachers(),
            load.alertStudents(),
            load.seconds(),
            load.warmupSeconds(),
            load.frames(),
            load.out(),
            load.obeyRate(),
            0);
    LoadGenerator generator = new LoadGenerator(settings, frames);
    List<JsonObject> steps = new ArrayList<>();
    for (int n : counts) {
      JsonObject step = generator.run(n);
      System.out.println(LoadGenerator.Report.row(step));
      steps.add(step);
    }
    return steps;
  }

  /** The most students held: all connected, every frame answered, p99 under the target. */
  static int held(List<JsonObject> steps, double targetMs) {
    int most = 0;
    for (JsonObject s : steps) {
      JsonObject f = s.getJsonObject("frameToFeedbackMs");
      boolean allAnswered =
          s.getInt("studentsNotConnected") == 0
              && s.getJsonNumber("answeredShare").doubleValue() >= 0.999;
      boolean fast = f.containsKey("p99") && f.getJsonNumber("p99").doubleValue() < targetMs;
      if (allAnswered && fast) {
        most = Math.max(most, s.getInt("students"));
      }
    }
    return most;
  }

  private static double cpuPerFrame(List<JsonObject> steps, int students) {
    return steps.stream()
        .filter(s -> s.getInt("students") == students)
        .map(s -> s.getJsonObject("server"))
        .filter(s -> s.containsKey("cpuMsPerFrame"))
        .mapToDouble(s -> s.getJsonNumber("cpuMsPerFrame").doubleValue())
        .findFirst()
        .orElse(Double.NaN);
  }

  private static void report(List<JsonObject> one, List<JsonObject> two, double targetMs, Path out)
      throws Exception {
    int heldOne = held(one, targetMs);
    int heldTwo = held(two, targetMs);
    System.out.println("\nOne server, one core:\n" + LoadGenerator.Report.table(one));
    System.out.println(
        "\nTwo servers, a core each, behind nginx:\n" + LoadGenerator.Report.table(two));
    System.out.printf(
        Locale.ROOT,
        "%nHeld (all frames answered, p99 < %.0f ms): one %d, two %d students: %.2f×;"
            + " CPU per frame at those counts %.2f and %.2f ms%n",
        targetMs,
        heldOne,
        heldTwo,
        heldOne == 0 ? Double.NaN : (double) heldTwo / heldOne,
        cpuPerFrame(one, heldOne),
        cpuPerFrame(two, heldTwo));
    JsonArrayBuilder a = Json.createArrayBuilder();
    one.forEach(a::add);
    JsonArrayBuilder b = Json.createArrayBuilder();
    two.forEach(b::add);
    Path file = out.resolveSibling("scale-out.json");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file,
        Json.createObjectBuilder()
            .add("machine", LoadGenerator.Report.machine())
            .add("p99TargetMs", targetMs)
            .add("heldOne", heldOne)
            .add("heldTwo", heldTwo)
            .add("one", a)
            .add("two", b)
            .build()
            .toString());
    System.out.println("Written to " + file.toAbsolutePath());
  }
}
