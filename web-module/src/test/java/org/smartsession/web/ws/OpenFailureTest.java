package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.engine.session.SessionService;
import org.smartsession.engine.session.StudentRegistry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.Teacher;

/**
 * When the session store fails while a socket opens, the socket is closed with 1011 and says why,
 * instead of staying open and ignoring everything it gets. The container hands what {@code @OnOpen}
 * threw to {@code @OnError}, as here.
 */
class OpenFailureTest {
  private static final RuntimeException STORE_DOWN =
      new IllegalStateException("connection refused");

  private static void assertClosedAsStoreUnavailable(FakeSocket socket) {
    CloseReason close = socket.closedWith();
    assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, close.getCloseCode());
    assertEquals("the session store is unavailable", close.getReasonPhrase());
  }

  @Test
  void aStudentsSocketIsClosedWhenTheStoreFailsAsItOpens() {
    StudentEndpoint endpoint = new StudentEndpoint();
    endpoint.registry =
        new StudentRegistry() {
          @Override
          public ConnectedStudent connect(String sessionId, String studentId) {
            throw STORE_DOWN;
          }
        };
    FakeSocket socket = new FakeSocket().with("sessionId", "S-1").with("studentId", "ADA");
    RuntimeException failure =
        assertThrows(RuntimeException.class, () -> endpoint.open(socket.session));
    endpoint.error(socket.session, failure);
    assertClosedAsStoreUnavailable(socket);
  }

  @Test
  void aTeachersSocketIsClosedWhenTheStoreFailsAsItOpens() {
    TeacherEndpoint endpoint = new TeacherEndpoint();
    endpoint.sessions =
        new SessionService() {
          @Override
          public SessionInfo forTeacher(String sessionId, Teacher teacher) {
            throw STORE_DOWN;
          }
        };
    FakeSocket socket = new FakeSocket().with("sessionId", "S-1");
    socket.userProperties.put(
        TeacherHandshake.TEACHER, new Teacher("ada", "Ada", "ada@uni.example", false));
    RuntimeException failure =
        assertThrows(RuntimeException.class, () -> endpoint.open(socket.session));
    endpoint.error(socket.session, failure);
    assertClosedAsStoreUnavailable(socket);
  }

  @Test
  void aFailureOnAnOpenConnectionDoesNotCloseIt() {
    FakeSocket socket = new FakeSocket();
    Endpoints.useOutbox(socket.session, new Outbox(socket.session));
    Endpoints.opened(socket.session);
    Endpoints.failed(socket.session, STORE_DOWN);
    assertTrue(socket.closes.isEmpty());
    Endpoints.failed(socket.session, new DecodeException("x", "not JSON"));
    assertEquals(List.of("MALFORMED_JSON"), socket.errorCodes());
    assertTrue(socket.closes.isEmpty());
  }

  @Test
  void aRefusedConnectionStaysRefusedByPolicy() {
    FakeSocket socket = new FakeSocket();
    Endpoints.refuse(socket.session, "no session S-1");
    Endpoints.failed(socket.session, STORE_DOWN);
    assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, socket.closedWith().getCloseCode());
  }
}
