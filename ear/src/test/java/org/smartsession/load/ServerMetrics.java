package org.smartsession.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One reading of a server's {@code /metrics} (Prometheus text): the application's frame counts and
 * process CPU time, and the JVM's heap (a MicroProfile Metrics base metric).
 */
public record ServerMetrics(Map<String, Double> values, long readAtNanos) {
  static final String CPU = "smartsession_process_cpu_seconds";
  public static final String HEAP = "memory_usedHeap_bytes";

  public static ServerMetrics read(HttpClient http, URI base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Double> values = new HashMap<>();
    if (r.statusCode() == 200) {
      for (String line : r.body().lines().toList()) {
        if (!line.startsWith("#") && line.contains(" ")) {
          String name = line.substring(0, line.lastIndexOf(' '));
          try {
            values.put(name, Double.valueOf(line.substring(line.lastIndexOf(' ') + 1)));
          } catch (NumberFormatException e) {
            // not a sample line
          }
        }
      }
    }
    return new ServerMetrics(values, System.nanoTime());
  }

  /** The first sample whose name (with its labels) starts with {@code prefix}; NaN if none. */
  public double value(String prefix) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToDouble(Map.Entry::getValue)
        .findFirst()
        .orElse(Double.NaN);
  }

  /** Frames the server dropped for {@code reason}, since it started. */
  double dropped(String reason) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().startsWith("smartsession_frames_dropped{"))
        .filter(e -> e.getKey().contains("reason=\"" + reason + "\""))
        .mapToDouble(Map.Entry::getValue)
        .findFirst()
        .orElse(Double.NaN);
  }
}
