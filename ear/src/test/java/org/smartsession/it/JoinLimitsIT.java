package org.smartsession.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The join limits of a real Payara Micro (the tests' server keeps at most 250 students a session,
 * and the default 600 joins a minute per address): a full session answers 429 to a new student and
 * still resumes its own; a client that joins too fast gets 429 with {@code Retry-After}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JoinLimitsIT {
  private static final int STUDENTS_PER_SESSION = 250;
  private static final int JOINS_PER_MINUTE = 600;

  @Deployment(testable = false)
  static WebArchive application() {
    return Server.application();
  }

  @ArquillianResource URL deployed;

  private static int attempts;

  @Test
  @Order(1)
  void aFullSessionRefusesANewStudentAndResumesItsOwn() throws Exception {
    Server server = new Server(deployed);
    String sessionId = server.createSession("A full hall", "CLASS");
    String firstToken = null;
    for (int i = 0; i < STUDENTS_PER_SESSION; i++) {
      JsonObject joined = server.joined(sessionId, "S" + i, "Student " + i, null);
      attempts++;
      if (i == 0) {
        firstToken = joined.getString("token");
      }
    }
    HttpResponse<String> full = server.joining(sessionId, "S-LATE", "Late", null);
    attempts++;
    assertEquals(429, full.statusCode(), full.body());
    JsonObject error = Server.json(full.body());
    assertEquals("TOO_MANY_REQUESTS", error.getString("error"));
    assertTrue(
        error.getString("message").contains(STUDENTS_PER_SESSION + " students"), error.toString());
    assertTrue(full.headers().firstValue("Retry-After").isEmpty(), "waiting does not help");

    assertEquals(200, server.joining(sessionId, "S0", "Student 0", firstToken).statusCode());
    attempts++;
  }

  @Test
  @Order(2)
  void aClientJoiningTooFastIsToldWhenToTryAgain() throws Exception {
    Server server = new Server(deployed);
    // Every attempt counts, answered or refused (here: an unknown session, 404).
    int status = 0;
    while (attempts < JOINS_PER_MINUTE) {
      status = server.joining("S-NO-SUCH-SESSION", "S1", "Ada", null).statusCode();
      attempts++;
      assertEquals(404, status);
    }
    HttpResponse<String> tooFast = server.joining("S-NO-SUCH-SESSION", "S1", "Ada", null);
    assertEquals(429, tooFast.statusCode(), tooFast.body());
    long retryAfter = Long.parseLong(tooFast.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);
  }
}
