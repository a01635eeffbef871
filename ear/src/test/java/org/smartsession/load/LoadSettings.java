package org.smartsession.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the load generator does, from system properties ({@code -Dload.students=100}, ...): see the
 * README's "Load generator".
 *
 * @param urls the servers (students and teachers are spread over them in turn), or a proxy
 * @param metricsUrls the servers whose {@code /metrics} are read (behind a proxy: the backends)
 * @param students the student counts to run one after another, one step each
 * @param fps frames per second per student, their phases spread over the frame period
 * @param teachers teacher sockets watching each step's session
 * @param alertStudents how many students switch to a two-face frame once per step
 * @param seconds how long each step measures, after {@code warmupSeconds}
 * @param frames a directory of JPEGs, a video file, or null for the built-in one-face frame
 * @param out where the JSON summary goes
 * @param obeyRate whether students send fewer frames when the server asks (RATE), as pages do
 * @param intervalSeconds 0, or the length of each point of a step's timeline (a soak run's heap and
 *     latency over time)
 */
record LoadSettings(
    List<URI> urls,
    List<URI> metricsUrls,
    List<Integer> students,
    double fps,
    int teachers,
    int alertStudents,
    int seconds,
    int warmupSeconds,
    Path frames,
    Path out,
    boolean obeyRate,
    int intervalSeconds) {

  static LoadSettings fromSystemProperties() {
    List<URI> urls = uris(property("load.url", "http://127.0.0.1:8080/"));
    return new LoadSettings(
        urls,
        property("load.metrics-url", "").isBlank() ? urls : uris(property("load.metrics-url", "")),
        Arrays.stream(property("load.students", "50").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList(),
        Double.parseDouble(property("load.fps", "2")),
        Integer.parseInt(property("load.teachers", "1")),
        Integer.parseInt(property("load.alert-students", "2")),
        Integer.parseInt(property("load.seconds", "60")),
        Integer.parseInt(property("load.warmup-seconds", "15")),
        property("load.frames", "").isBlank() ? null : Path.of(property("load.frames", "")),
        Path.of(property("load.out", "target/load/summary.json")),
        Boolean.parseBoolean(property("load.obey-rate", "true")),
        Integer.parseInt(property("load.interval-seconds", "0")));
  }

  private static List<URI> uris(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::strip).map(URI::create).toList();
  }

  private static String property(String name, String otherwise) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
