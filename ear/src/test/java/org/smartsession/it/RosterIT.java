package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session's roster on a real Payara Micro (in memory, and with state in Redis): imported from an
 * LMS-style CSV, it refuses students not on it until others are allowed, shows who joined and who
 * did not, keeps the old roster when a new one has a bad line, is audited, is erased with a student
 * who never came, and is another teacher's business not at all.
 */
@ExtendWith({EmbeddedRedis.class, ArquillianExtension.class})
@RunAsClient
class RosterIT {

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private static String body(String students, boolean othersAllowed) {
    return Json.createObjectBuilder()
        .add("students", students)
        .add("othersAllowed", othersAllowed)
        .build()
        .toString();
  }

  /** Student id → presence, from the roster's answer. */
  private static Map<String, String> presence(String json) {
    return Server.json(json).getJsonArray("students").stream()
        .map(JsonObject.class::cast)
        .collect(Collectors.toMap(s -> s.getString("studentId"), s -> s.getString("presence")));
  }

  @Test
  void aRosterSaysWhoCameAndKeepsOthersOutUntilTheyAreAllowed() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("With a roster", "EXAM");
    String roster = "api/v1/sessions/" + sessionId + "/roster";
    assertFalse(Server.json(server.get(roster).body()).getBoolean("hasRoster"));

    String export =
        "Student ID;Name;Email\ns-radia;Radia Perlman;radia@uni.example\n"
            + "s-ken;Ken Thompson;ken@uni.example\ns-barbara;Barbara Liskov;barbara@uni.example\n";
    HttpResponse<String> imported = server.put(roster, body(export, false));
    assertEquals(200, imported.statusCode(), imported.body());
    assertEquals(
        Map.of("s-radia", "NOT_JOINED", "s-ken", "NOT_JOINED", "s-barbara", "NOT_JOINED"),
        presence(imported.body()));

    server.join(sessionId, "s-radia", "Radia");
    HttpResponse<String> stranger = server.joining(sessionId, "s-mallory", "Mallory", null);
    assertEquals(403, stranger.statusCode(), stranger.body());
    assertEquals("NOT_ON_ROSTER", Server.json(stranger.body()).getString("error"));

    JsonObject attendance = Server.json(server.get(roster).body());
    assertEquals(
        Map.of("s-radia", "HERE", "s-ken", "NOT_JOINED", "s-barbara", "NOT_JOINED"),
        presence(attendance.toString()));
    JsonObject radia =
        attendance.getJsonArray("students").stream()
            .map(JsonObject.class::cast)
            .filter(s -> s.getString("studentId").equals("s-radia"))
            .findFirst()
            .orElseThrow();
    assertEquals("Radia Perlman", radia.getString("name"), "the roster's name");
    assertTrue(radia.containsKey("joinedAt"));
    assertFalse(radia.getBoolean("late"));

    // A bad line: refused with its number, the roster as it was.
    HttpResponse<String> bad = server.put(roster, body("s-ada,Ada\nnot an id,Eve\n", true));
    assertEquals(400, bad.statusCode(), bad.body());
    assertTrue(bad.body().contains("line 2"), bad.body());
    assertEquals(3, Server.json(server.get(roster).body()).getJsonArray("students").size());

    // Others allowed: the stranger joins and is listed as not on the roster.
    assertEquals(200, server.put(roster, body(export, true)).statusCode());
    server.join(sessionId, "s-mallory", "Mallory");
    JsonObject mallory =
        Server.json(server.get(roster).body()).getJsonArray("students").stream()
            .map(JsonObject.class::cast)
            .filter(s -> s.getString("studentId").equals("s-mallory"))
            .findFirst()
            .orElseThrow();
    assertFalse(mallory.getBoolean("onRoster"));

    // Ken never came; his erasure takes him off the roster.
    assertEquals(
        204, server.delete("api/v1/sessions/" + sessionId + "/students/s-ken").statusCode());
    assertFalse(presence(server.get(roster).body()).containsKey("s-ken"));

    String audit = server.get("api/v1/sessions/" + sessionId + "/audit").body();
    assertEquals(2, audit.split("ROSTER_IMPORTED", -1).length - 1, audit);
    assertFalse(audit.contains("Radia") || audit.contains("s-radia"), audit);

    Server other = new Server(deployed);
    other.signIn("eve", "teacher");
    assertEquals(403, other.get(roster).statusCode());
    assertEquals(403, other.put(roster, body(export, true)).statusCode());
    for (String noBody : List.of("", "{}")) {
      assertEquals(400, server.put(roster, noBody.isEmpty() ? "null" : noBody).statusCode());
    }
  }
}
