package org.smartsession.load;

import com.sun.management.OperatingSystemMXBean;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.smartsession.it.Server;

/**
 * Simulated students and teachers against one or several running SmartSession servers: N students
 * send real face frames at a chosen rate with their phases spread over the frame period, M teachers
 * watch, a few students show two faces once; for each step (a student count) it reports frames
 * sent, answered and dropped (with the servers' reasons), frame → FEEDBACK and frame → teacher
 * CRITICAL_ALERT percentiles, the summary's interval, and the servers' and its own CPU; with {@code
 * load.interval-seconds}, also a timeline of latency and heap (a soak run). Started by {@code
 * ./mvnw -Pload verify} (README, "Load generator").
 */
public final class LoadGenerator {
  private static final String[] DROP_REASONS = {"replaced", "stale", "refused", "left"};
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final LoadSettings settings;
  private final FrameSource frames;
  private final HttpClient http = HttpClient.newHttpClient();

  LoadGenerator(LoadSettings settings, FrameSource frames) {
    this.settings = settings;
    this.frames = frames;
  }

  public static void main(String[] args) throws Exception {
    LoadSettings settings = LoadSettings.fromSystemProperties();
    LoadGenerator generator = new LoadGenerator(settings, FrameSource.load(settings.frames()));
    List<JsonObject> steps = new ArrayList<>();
    for (int students : settings.students()) {
      JsonObject step = generator.run(students);
      steps.add(step);
      System.out.println(Report.row(step));
    }
    System.out.println();
    System.out.println(Report.table(steps));
    JsonObjectBuilder summary =
        Json.createObjectBuilder()
            .add("machine", Report.machine())
            .add("fps", settings.fps())
            .add("teachers", settings.teachers())
            .add("seconds", settings.seconds())
            .add("frames", settings.frames() == null ? "built-in" : settings.frames().toString())
            .add(
                "servers",
                Json.createArrayBuilder(settings.urls().stream().map(URI::toString).toList()));
    JsonArrayBuilder all = Json.createArrayBuilder();
    steps.forEach(all::add);
    summary.add("steps", all);
    Files.createDirectories(settings.out().toAbsolutePath().getParent());
    Files.writeString(settings.out(), pretty(summary.build()));
    System.out.println("Summary written to " + settings.out().toAbsolutePath());
    System.exit(0); // the JDK's WebSocket client keeps non-daemon threads
  }

  private static String pretty(JsonObject o) {
    JsonWriterFactory f = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    StringWriter out = new StringWriter();
    f.createWriter(out).write(o);
    return out.toString();
  }

  /** One step: {@code n} students for the warm-up and then the measured seconds. */
  JsonObject run(int n) throws Exception {
    List<Server> servers = new ArrayList<>();
    for (URI url : settings.urls()) {
      Server server = Server.at(url);
      if (server.signIn("load-teacher", "teacher").statusCode() / 100 != 3) {
        throw new IllegalStateException(
            url
                + " refused the development sign-in: start it with -Dsmartsession.auth.dev-login=true");
      }
      servers.add(server);
    }
    String sessionId = servers.get(0).createSession("Load: " + n + " students", "EXAM");

    Latencies feedback = new Latencies();
    Latencies intervals = new Latencies();
    Latencies alerts = new Latencies();
    Map<String, SimulatedStudent> students = new ConcurrentHashMap<>();
    int notConnected = 0;
    List<SimulatedStudent> ordered = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Server server = servers.get(i % servers.size());
      String id = "L" + i;
      SimulatedStudent s = new SimulatedStudent(sessionId, id, feedback, settings.obeyRate());
      try {
        s.connect(http, server.join(sessionId, id, "Load " + i));
      } catch (CompletionException e) {
        System.err.println("Student " + id + " could not connect: " + e.getCause());
        notConnected++;
        continue;
      }
      students.put(id, s);
      ordered.add(s);
    }
    List<WatchingTeacher> teachers = new ArrayList<>();
    for (int t = 0; t < settings.teachers(); t++) {
      Server server = servers.get(t % servers.size());
      WatchingTeacher teacher = new WatchingTeacher(intervals, alerts, students);
      teacher.connect(http, server.ws("ws/teacher?sessionId=" + sessionId), server.cookieHeader());
      teachers.add(teacher);
    }

    long periodMicros = Math.round(1_000_000 / settings.fps());
    long measureFromNanos = System.nanoTime() + settings.warmupSeconds() * 1_000_000_000L;
    long measureNanos = settings.seconds() * 1_000_000_000L;
    ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
    AtomicLong ticks = new AtomicLong();
    for (int i = 0; i < ordered.size(); i++) {
      SimulatedStudent s = ordered.get(i);
      int index = i;
      // Alert students show two faces for three frames once, spread over the measured time.
      long episodeAt =
          i < settings.alertStudents()
              ? measureFromNanos + measureNanos * (i + 1) / (settings.alertStudents() + 1)
              : Long.MAX_VALUE;
      long[] tick = {0};
      int[] twoFacesLeft = {3};
      clock.scheduleAtFixedRate(
          () -> {
            long now = System.nanoTime();
            if (now >= episodeAt && twoFacesLeft[0] > 0) {
              if (s.send(frames.twoFaces, true)) {
                twoFacesLeft[0]--;
              }
            } else {
              s.send(frames.faces.get((int) ((tick[0] + index) % frames.faces.size())), false);
            }
            tick[0]++;
            ticks.incrementAndGet();
          },
          periodMicros * i / ordered.size(),
          periodMicros,
          TimeUnit.MICROSECONDS);
    }

    Thread.sleep(Math.max(0, (measureFromNanos - System.nanoTime()) / 1_000_000));
    List<ServerMetrics> before = metrics();
    long generatorCpuBefore = OS.getProcessCpuTime();
    ordered.forEach(s -> s.measure(true));
    teachers.forEach(t -> t.measure(true));
    JsonArrayBuilder timeline = Json.createArrayBuilder();
    if (settings.intervalSeconds() > 0) {
      timeline(feedback, timeline);
    } else {
      Thread.sleep(measureNanos / 1_000_000);
    }
    ordered.forEach(s -> s.measure(false));
    teachers.forEach(t -> t.measure(false));
    long generatorCpu = OS.getProcessCpuTime() - generatorCpuBefore;
    List<ServerMetrics> after = metrics();
    clock.shutdownNow();
    Thread.sleep(2_000); // answers still on their way
    ordered.forEach(SimulatedStudent::close);
    teachers.forEach(WatchingTeacher::close);

    return Json.createObjectBuilder(
            step(
                n, notConnected, ordered, feedback, intervals, alerts, before, after, generatorCpu))
        .add("timeline", timeline)
        .build();
  }

  /**
   * The measured seconds as a timeline: for each interval, frame → FEEDBACK in it and the servers'
   * heap, read every 5 s, lowest and highest (the lowest follows what survives collections).
   */
  private void timeline(Latencies feedback, JsonArrayBuilder timeline) throws Exception {
    long start = System.nanoTime();
    int points = Math.max(1, settings.seconds() / settings.intervalSeconds());
    for (int point = 1; point <= points; point++) {
      int from = feedback.count();
      long end = start + point * settings.intervalSeconds() * 1_000_000_000L;
      double lowest = Double.MAX_VALUE;
      double highest = 0;
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(5_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        double heap = 0;
        for (ServerMetrics m : metrics()) {
          heap += m.value(ServerMetrics.HEAP);
        }
        lowest = Math.min(lowest, heap / (1 << 20));
        highest = Math.max(highest, heap / (1 << 20));
      }
      Latencies window = feedback.since(from);
      JsonObject at =
          Json.createObjectBuilder()
              .add("atSeconds", point * settings.intervalSeconds())
              .add("frameToFeedbackMs", window.toJson())
              .add("heapMiBLowest", lowest)
              .add("heapMiBHighest", highest)
              .build();
      timeline.add(at);
      System.out.println(Report.point(at));
    }
  }

  private List<ServerMetrics> metrics() throws Exception {
    List<ServerMetrics> all = new ArrayList<>();
    for (URI url : settings.metricsUrls()) {
      all.add(ServerMetrics.read(http, url));
    }
    return all;
  }

  private JsonObject step(
      int n,
      int notConnected,
      List<SimulatedStudent> students,
      Latencies feedback,
      Latencies intervals,
      Latencies alerts,
      List<ServerMetrics> before,
      List<ServerMetrics> after,
      long generatorCpuNanos) {
    long sent = students.stream().mapToLong(SimulatedStudent::sent).sum();
    long answered = students.stream().mapToLong(SimulatedStudent::answered).sum();
    long skipped = students.stream().mapToLong(SimulatedStudent::skipped).sum();
    long heldBack = students.stream().mapToLong(SimulatedStudent::heldBack).sum();
    long rates = students.stream().mapToLong(SimulatedStudent::rates).sum();
    // Fairness: each student's answered frames a second, lowest, median and highest.
    double[] perStudent =
        students.stream()
            .mapToDouble(s -> s.answered() / (double) settings.seconds())
            .sorted()
            .toArray();
    JsonObjectBuilder answeredPerStudent = Json.createObjectBuilder();
    if (perStudent.length > 0) {
      answeredPerStudent
          .add("min", perStudent[0])
          .add("median", perStudent[perStudent.length / 2])
          .add("max", perStudent[perStudent.length - 1]);
    }
    JsonObjectBuilder closed = Json.createObjectBuilder();
    students.stream()
        .filter(s -> s.closedBy != null)
        .collect(Collectors.groupingBy(s -> s.closedBy, Collectors.counting()))
        .forEach(closed::add);
    double seconds = settings.seconds();
    double processed = 0;
    double cpuSeconds = 0;
    double heap = 0;
    JsonObjectBuilder dropped = Json.createObjectBuilder();
    for (String reason : DROP_REASONS) {
      double d = 0;
      for (int i = 0; i < after.size(); i++) {
        d += after.get(i).dropped(reason) - before.get(i).dropped(reason);
      }
      dropped.add(reason, Double.isNaN(d) ? -1 : (long) d);
    }
    for (int i = 0; i < after.size(); i++) {
      processed +=
          after.get(i).value("smartsession_frames_processed")
              - before.get(i).value("smartsession_frames_processed");
      cpuSeconds += after.get(i).value(ServerMetrics.CPU) - before.get(i).value(ServerMetrics.CPU);
      heap += after.get(i).value(ServerMetrics.HEAP);
    }
    JsonObjectBuilder server =
        Json.createObjectBuilder().add("framesProcessed", (long) processed).add("dropped", dropped);
    if (!Double.isNaN(cpuSeconds)) {
      server
          .add("cpuCores", cpuSeconds / seconds)
          .add("cpuMsPerFrame", processed > 0 ? cpuSeconds * 1000 / processed : 0);
    }
    if (!Double.isNaN(heap)) {
      server.add("heapUsedMiB", heap / (1024 * 1024));
    }
    return Json.createObjectBuilder()
        .add("students", n)
        .add("studentsNotConnected", notConnected)
        .add("framesSent", sent)
        .add("framesAnswered", answered)
        .add("answeredShare", sent == 0 ? 0 : (double) answered / sent)
        .add("framesNotSentSocketBusy", skipped)
        .add("framesHeldBackByRate", heldBack)
        .add("rateMessages", rates)
        .add("answeredPerStudentPerSecond", answeredPerStudent)
        .add("socketsClosedByServer", closed)
        .add("frameToFeedbackMs", feedback.toJson())
        .add("frameToTeacherAlertMs", alerts.toJson())
        .add("summaryIntervalMs", intervals.toJson())
        .add("server", server)
        .add(
            "generator",
            Json.createObjectBuilder()
                .add("cpuCores", generatorCpuNanos / 1e9 / seconds)
                .add("cpuMsPerFrame", sent == 0 ? 0 : generatorCpuNanos / 1e6 / sent))
        .build();
  }

  /** The readable forms of a step. */
  static final class Report {
    private Report() {}

    static String machine() {
      return String.format(
          Locale.ROOT,
          "%s, %d cores, Java %s",
          System.getProperty("os.name"),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
    }

    static String header() {
      return String.format(
          Locale.ROOT,
          "%8s %9s %7s %7s %7s %8s %8s %9s %9s %9s %9s %10s",
          "students",
          "answered",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "max ms",
          "dropped",
          "srv ms/f",
          "srv cores",
          "gen cores",
          "alert p99",
          "update p99");
    }

    static String row(JsonObject s) {
      JsonObject f = s.getJsonObject("frameToFeedbackMs");
      JsonObject server = s.getJsonObject("server");
      JsonObject d = server.getJsonObject("dropped");
      long dropped = 0;
      for (String reason : DROP_REASONS) {
        dropped += Math.max(0, d.getJsonNumber(reason).longValue());
      }
      return String.format(
          Locale.ROOT,
          "%8d %8.1f%% %7.0f %7.0f %7.0f %8.0f %8d %9.2f %9.2f %9.2f %9.0f %10.0f",
          s.getInt("students"),
          100 * s.getJsonNumber("answeredShare").doubleValue(),
          number(f, "p50"),
          number(f, "p95"),
          number(f, "p99"),
          number(f, "max"),
          dropped,
          number(server, "cpuMsPerFrame"),
          number(server, "cpuCores"),
          s.getJsonObject("generator").getJsonNumber("cpuCores").doubleValue(),
          number(s.getJsonObject("frameToTeacherAlertMs"), "p99"),
          number(s.getJsonObject("summaryIntervalMs"), "p99"));
    }

    static String point(JsonObject p) {
      JsonObject f = p.getJsonObject("frameToFeedbackMs");
      return String.format(
          Locale.ROOT,
          "%6d s: %6d answered, p50 %5.0f ms, p99 %5.0f ms, max %5.0f ms; heap %5.0f-%5.0f MiB",
          p.getInt("atSeconds"),
          f.getInt("count"),
          number(f, "p50"),
          number(f, "p99"),
          number(f, "max"),
          p.getJsonNumber("heapMiBLowest").doubleValue(),
          p.getJsonNumber("heapMiBHighest").doubleValue());
    }

    static String table(List<JsonObject> steps) {
      StringBuilder out = new StringBuilder(header());
      steps.forEach(s -> out.append('\n').append(row(s)));
      return out.toString();
    }

    private static double number(JsonObject o, String name) {
      return o.containsKey(name) ? o.getJsonNumber(name).doubleValue() : Double.NaN;
    }
  }
}
