package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reviewing a session after it ended, on a real Payara Micro (in memory, and with state in Redis):
 * the report and a student's timeline from what the real path stored, notes on a student and an
 * alert, and the downloads parsed back (CSV with Commons CSV, JSON, the PDF's text with PDFBox),
 * each recorded in the audit log; another teacher is refused.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class ReviewIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final long STEP_MS = 500;

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private static JsonArray array(String json) {
    return Server.json("{\"a\":" + json + "}").getJsonArray("a");
  }

  private static List<CSVRecord> csv(String text) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .build()
        .parse(new StringReader(text))
        .getRecords();
  }

  @Test
  void afterAnExamTheReportTimelineNotesAndDownloadsTellWhatHappened() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("Reviewed exam", "EXAM");
    URI radia = server.join(sessionId, "S-RADIA", "Radia Perlman");
    server.join(sessionId, "S-KEN", "Ken Thompson"); // joins, never sends a frame
    String one = Frames.dataUrl(Frames.oneFace());
    String two = Frames.dataUrl(Frames.twoFaces());
    String alertId;
    try (WsClient teacher = server.teacherSocket(sessionId);
        WsClient student = WsClient.connect(radia)) {
      // Eight seconds of frames, within the clock tolerance of the server (10 s), sent at once.
      long clock = System.currentTimeMillis() - 8_000;
      for (int i = 0; i < 16; i++) {
        clock += STEP_MS;
        student.send(Frames.videoFrame(sessionId, "S-RADIA", clock, i < 8 ? one : two));
        student.next("FEEDBACK", WAIT);
      }
      alertId =
          teacher
              .next(WsClient.criticalAlert("MULTIPLE_FACES"), WAIT, "an alert to review")
              .getString("alertId");
      teacher.send(Frames.reviewed(alertId));
      teacher.next("ALERT_ACKNOWLEDGED", WAIT);
    }
    String api = "api/v1/sessions/" + sessionId;

    // Notes, on the alert and on the student who never came; bad ones are refused.
    HttpResponse<String> onAlert =
        server.post(
            api + "/notes",
            "{\"studentId\":\"S-RADIA\",\"alertId\":\"" + alertId + "\",\"text\":\"Her sister\"}");
    assertEquals(201, onAlert.statusCode(), onAlert.body());
    assertEquals("teacher", Server.json(onAlert.body()).getString("author"));
    assertEquals(
        201,
        server
            .post(api + "/notes", "{\"studentId\":\"S-KEN\",\"text\":\"Excused, ill\"}")
            .statusCode());
    assertEquals(
        400, server.post(api + "/notes", "{\"studentId\":\"S-KEN\",\"text\":\" \"}").statusCode());
    assertEquals(
        404,
        server.post(api + "/notes", "{\"studentId\":\"S-NOBODY\",\"text\":\"x\"}").statusCode());
    assertEquals(
        404,
        server
            .post(
                api + "/notes",
                "{\"studentId\":\"S-KEN\",\"alertId\":\"" + alertId + "\",\"text\":\"x\"}")
            .statusCode(),
        "an alert of another student");
    assertEquals(200, server.post(api + "/end", "").statusCode());

    // The report.
    JsonObject report = Server.json(server.get(api + "/report").body());
    assertEquals(1, report.getInt("schemaVersion"));
    assertEquals("ENDED", report.getJsonObject("session").getString("phase"));
    JsonArray students = report.getJsonArray("students");
    assertEquals(2, students.size());
    JsonObject radiaSummary = students.getJsonObject(1); // by name: Ken, then Radia
    assertEquals("S-RADIA", radiaSummary.getString("studentId"));
    assertTrue(radiaSummary.getJsonObject("shares").getJsonNumber("present").doubleValue() > 0.5);
    assertEquals(1, radiaSummary.getInt("alerts"));
    assertEquals(0, radiaSummary.getInt("openAlerts"));
    assertFalse(students.getJsonObject(0).containsKey("firstSeenAt"), "Ken never sent a frame");
    assertTrue(report.getJsonArray("summary").size() >= 1);
    JsonObject alert = report.getJsonArray("alerts").getJsonObject(0);
    assertEquals("MULTIPLE_FACES", alert.getString("alertType"));
    assertFalse(alert.containsKey("screenshot"), "the report carries no screenshot");
    assertEquals("REVIEWED", alert.getJsonObject("acknowledgement").getString("action"));
    assertEquals(2, report.getJsonArray("notes").size());

    // Radia's timeline.
    JsonObject timeline = Server.json(server.get(api + "/students/S-RADIA/timeline").body());
    assertEquals(8, timeline.getJsonArray("history").size(), "one point per second of frames");
    JsonObject shot = timeline.getJsonArray("alerts").getJsonObject(0);
    assertTrue(shot.getString("screenshot").startsWith("data:image/jpeg;base64,"));
    assertEquals("Her sister", timeline.getJsonArray("notes").getJsonObject(0).getString("text"));
    assertEquals(404, server.get(api + "/students/S-NOBODY/timeline").statusCode());
    assertEquals(8, array(server.get(api + "/students/S-RADIA/history").body()).size());

    // The downloads.
    HttpResponse<String> studentsCsv = server.get(api + "/exports/students.csv?zone=Europe/Berlin");
    assertEquals(200, studentsCsv.statusCode(), studentsCsv.body());
    assertTrue(
        studentsCsv
            .headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .startsWith("attachment"));
    List<CSVRecord> rows = csv(studentsCsv.body());
    assertEquals(List.of("S-KEN", "S-RADIA"), rows.stream().map(r -> r.get("studentId")).toList());
    assertEquals("Radia Perlman", rows.get(1).get("name"));
    assertTrue(rows.get(1).get("firstSeenAt").endsWith("+01:00"), rows.get(1).get("firstSeenAt"));
    CSVRecord alertRow = csv(server.get(api + "/exports/alerts.csv").body()).get(0);
    assertEquals("MULTIPLE_FACES", alertRow.get("alertType"));
    assertEquals("teacher", alertRow.get("decidedBy"));
    assertFalse(csv(server.get(api + "/exports/summary.csv").body()).isEmpty());
    JsonObject json = Server.json(server.get(api + "/exports/report.json").body());
    assertEquals(report.getJsonArray("students"), json.getJsonArray("students"));
    HttpResponse<byte[]> pdf = server.download(api + "/exports/report.pdf?zone=UTC");
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      for (String expected :
          List.of(
              "Reviewed exam", "Radia Perlman", "Ken Thompson", "MULTIPLE_FACES", "Her sister")) {
        assertTrue(text.contains(expected), () -> expected + " in " + text);
      }
    }
    assertEquals(400, server.get(api + "/exports/students.csv?zone=Mars/Olympus").statusCode());
    assertEquals(404, server.get(api + "/exports/everything.zip").statusCode());

    // Every download is in the audit log: who, when, what.
    List<String> exported =
        array(server.get(api + "/audit").body()).stream()
            .map(JsonObject.class::cast)
            .filter(e -> "REPORT_EXPORTED".equals(e.getString("action")))
            .map(e -> e.getString("teacher") + " " + e.getString("detail"))
            .toList();
    assertEquals(
        List.of(
            "teacher students.csv",
            "teacher alerts.csv",
            "teacher summary.csv",
            "teacher report.json",
            "teacher report.pdf"),
        exported);

    // Another teacher reads nothing of it.
    Server other = new Server(deployed);
    other.signIn("eve", "teacher");
    assertEquals(403, other.get(api + "/report").statusCode());
    assertEquals(403, other.get(api + "/exports/report.pdf").statusCode());
    assertEquals(403, other.get(api + "/students/S-RADIA/timeline").statusCode());
    assertEquals(
        403, other.post(api + "/notes", "{\"studentId\":\"S-KEN\",\"text\":\"x\"}").statusCode());
    assertEquals(404, server.get("api/v1/sessions/NO-SUCH-SESSION/report").statusCode());
  }
}
