package org.smartsession.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * One teacher's socket: the time between one-second summaries, and frame → CRITICAL_ALERT for the
 * students that showed two faces, from the frame the alert names (its {@code lastTimestamp}: the
 * frame that completed the rule) to the alert's arrival here.
 */
final class WatchingTeacher implements WebSocket.Listener {
  private final Latencies intervals;
  private final Latencies alerts;
  private final Map<String, SimulatedStudent> students;
  private final StringBuilder partial = new StringBuilder();

  /** "student timestamp" of the alerts this teacher measured, each once. */
  private final Set<String> measured = new HashSet<>();

  private volatile boolean measuring;
  private long lastUpdate;
  private WebSocket socket;

  WatchingTeacher(Latencies intervals, Latencies alerts, Map<String, SimulatedStudent> students) {
    this.intervals = intervals;
    this.alerts = alerts;
    this.students = students;
  }

  void connect(HttpClient http, URI uri, String cookie) {
    socket = http.newWebSocketBuilder().header("Cookie", cookie).buildAsync(uri, this).join();
  }

  void measure(boolean on) {
    measuring = on;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      long now = System.nanoTime();
      String text = partial.toString();
      partial.setLength(0);
      if (text.contains("\"type\":\"SESSION_UPDATE\"")) {
        if (measuring && lastUpdate != 0) {
          intervals.add((now - lastUpdate) / 1e6);
        }
        lastUpdate = now;
      } else if (text.contains("\"type\":\"CRITICAL_ALERT\"")
          && text.contains("\"alertType\":\"MULTIPLE_FACES\"")) {
        SimulatedStudent student = students.get(stringField(text, "studentId"));
        long frame = SimulatedStudent.longField(text, "lastTimestamp");
        Long sentAt = student == null ? null : student.twoFacesSentAt.get(frame);
        if (measuring && sentAt != null && measured.add(student.studentId + " " + frame)) {
          alerts.add((now - sentAt) / 1e6);
        }
      }
    }
    webSocket.request(1);
    return null;
  }

  static String stringField(String json, String name) {
    int i = json.indexOf("\"" + name + "\":\"");
    if (i < 0) {
      return null;
    }
    int start = i + name.length() + 4;
    int end = json.indexOf('"', start);
    return end < 0 ? null : json.substring(start, end);
  }

  void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "load done").exceptionally(e -> null);
  }
}
