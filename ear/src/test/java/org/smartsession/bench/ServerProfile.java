package org.smartsession.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a running server spends its CPU, Java and native frames alike: attaches async-profiler
 * (from its Maven artifact) to the server's JVM, samples each thread's CPU time for a while (a CPU
 * timer per thread, so no perf events are needed), writes a flame graph and the collapsed stacks,
 * and prints the share of each part of the work. Run it while the load generator drives the server:
 *
 * <pre>
 * ./mvnw -Pprofile verify -Dprofile.pid=PID -Dprofile.seconds=45
 * </pre>
 */
public final class ServerProfile {
  private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

  /**
   * The parts of the work, each named by what a sample's stack contains; a sample counts for the
   * first part that matches, so the order goes from the most specific.
   */
  static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put("garbage collection", List.of("G1", "GCTaskThread", "ConcurrentGCThread"));
    PARTS.put("JIT compiler", List.of("CompileBroker", "C2Compiler", "Compilation::"));
    PARTS.put(
        "face models (libtorch, XNNPACK)",
        List.of("at::", "c10::", "torch::", "xnn_", "ai/djl/", "libtorch"));
    PARTS.put(
        "JPEG decode (FFmpeg, OpenCV)", List.of("FfmpegJpegDecoder", "imdecode", "libavcodec"));
    PARTS.put("other image work (OpenCV)", List.of("org/bytedeco/", "cv::", "libopencv"));
    PARTS.put(
        "container context capture",
        List.of("ManagedFutureTask.captureContext", "ContextSetupProviderImpl"));
    PARTS.put("JSON (JSON-B, JSON-P)", List.of("org/eclipse/yasson/", "org/eclipse/parsson/"));
    PARTS.put("base64", List.of("java/util/Base64"));
    PARTS.put("WebSocket and HTTP (Tyrus, Grizzly)", List.of("org/glassfish/tyrus/", "grizzly"));
    PARTS.put("application (org.smartsession)", List.of("org/smartsession/"));
  }

  private ServerProfile() {}

  public static void main(String[] args) throws Exception {
    String pid = args[0];
    int seconds = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    Path library = out.resolve("libasyncProfiler.so");
    try (InputStream in = ServerProfile.class.getClassLoader().getResourceAsStream(LIBRARY)) {
      if (in == null) {
        throw new IllegalStateException(LIBRARY + " is not on the class path (async-profiler)");
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    Path flameGraph = out.resolve("profile.html");
    Path collapsed = out.resolve("profile.collapsed");
    agent(pid, library, "start,event=ctimer,interval=1ms");
    System.out.printf("Profiling JVM %s for %d s...%n", pid, seconds);
    Thread.sleep(seconds * 1000L);
    agent(pid, library, "dump,file=" + flameGraph);
    agent(pid, library, "stop,collapsed,file=" + collapsed);
    System.out.print(table(shares(Files.readAllLines(collapsed))));
    System.out.println("Flame graph: " + flameGraph + "; stacks: " + collapsed);
  }

  private static void agent(String pid, Path library, String options) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(pid);
    try {
      vm.loadAgentPath(library.toString(), options);
    } finally {
      vm.detach();
    }
  }

  /** The samples of each part, from collapsed stacks ("frame;frame;... count" per line). */
  static Map<String, Long> shares(List<String> stacks) {
    Map<String, Long> samples = new LinkedHashMap<>();
    PARTS.keySet().forEach(p -> samples.put(p, 0L));
    samples.put("other", 0L);
    for (String line : stacks) {
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String stack = line.substring(0, space);
      long count = Long.parseLong(line.substring(space + 1).strip());
      String part =
          PARTS.entrySet().stream()
              .filter(e -> e.getValue().stream().anyMatch(stack::contains))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("other");
      samples.merge(part, count, Long::sum);
    }
    return samples;
  }

  static String table(Map<String, Long> samples) {
    long total = samples.values().stream().mapToLong(Long::longValue).sum();
    Map<Long, List<String>> byCount =
        samples.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    e -> -e.getValue(),
                    TreeMap::new,
                    Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    StringBuilder table = new StringBuilder(String.format("%8s  %s%n", "share", "part"));
    byCount.forEach(
        (negative, parts) ->
            parts.forEach(
                p ->
                    table.append(
                        String.format(
                            "%7.1f%%  %s%n", total == 0 ? 0 : -negative * 100.0 / total, p))));
    return table.append(String.format("%8d  samples%n", total)).toString();
  }
}
