package org.smartsession.web.ws;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Optional;
import org.smartsession.model.session.Teacher;
import org.smartsession.web.security.CurrentTeacher;

/**
 * The origin check of every socket, and who opens a teacher's socket, read from the handshake, the
 * one HTTP request of the connection, where the sign-in is known; the endpoint then decides. The
 * user properties of the configuration handed to a handshake are that connection's own (Jakarta
 * WebSocket 2.1).
 */
public class TeacherHandshake extends HandshakeChecks {
  static final String TEACHER = "smartsession.teacher";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    super.modifyHandshake(config, request, response);
    teacher().ifPresent(t -> config.getUserProperties().put(TEACHER, t));
  }

  private static Optional<Teacher> teacher() {
    try {
      return CDI.current().select(CurrentTeacher.class).get().get();
    } catch (ContextNotActiveException e) {
      return Optional.empty();
    }
  }
}
