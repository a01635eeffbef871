package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionPhase;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentKey;
import org.smartsession.model.session.StudentState;

/**
 * The students this server receives frames from. A student who reconnects within the grace period
 * gets back the same {@link ConnectedStudent}; one gone for longer is forgotten by {@link
 * StudentEviction}.
 */
@ApplicationScoped
public class StudentRegistry {
  static final Duration RECONNECT_GRACE = Duration.ofMinutes(10);

  @Inject SessionStore store;
  @Inject Clock clock;

  private final ConcurrentHashMap<StudentKey, ConnectedStudent> students =
      new ConcurrentHashMap<>();

  /** A connection whose page reads English. */
  public ConnectedStudent connect(String sessionId, String studentId)
      throws UnknownSessionException {
    return connect(sessionId, studentId, Locale.ENGLISH);
  }

  /**
   * @param locale the language the student's page reads, which the server's messages take
   * @throws UnknownSessionException if the session does not exist or the student has not joined
   */
  public ConnectedStudent connect(String sessionId, String studentId, Locale locale)
      throws UnknownSessionException {
    SessionInfo session =
        store
            .findSession(sessionId)
            .orElseThrow(() -> new UnknownSessionException("no session " + sessionId));
    if (session.phaseAt(clock.millis()) == SessionPhase.ENDED) {
      throw new UnknownSessionException("session " + sessionId + " has ended");
    }
    StudentState state =
        store
            .studentState(sessionId, studentId)
            .orElseThrow(
                () ->
                    new UnknownSessionException(
                        "student " + studentId + " has not joined session " + sessionId));
    long now = clock.millis();
    // In one step per student, so that an eviction never takes a student who is reconnecting.
    return students.compute(
        new StudentKey(sessionId, studentId),
        (key, known) -> {
          ConnectedStudent student =
              known != null ? known : new ConnectedStudent(key, state.name(), session.kind(), now);
          student.connected(now, state.name(), locale);
          return student;
        });
  }

  /** Forgets the students whose data was deleted, here or (relayed) on another server. */
  void onDeleted(@Observes DataDeleted event) {
    students.keySet().removeIf(key -> event.covers(key.sessionId(), key.studentId()));
  }

  public void disconnect(ConnectedStudent student) {
    student.disconnected(clock.millis());
  }

  /** Forgets students gone for longer than the grace period; returns them. */
  List<ConnectedStudent> evictGone() {
    long now = clock.millis();
    List<ConnectedStudent> gone = new ArrayList<>();
    for (StudentKey key : students.keySet()) {
      students.computeIfPresent(
          key,
          (k, s) -> {
            if (s.isConnected() || now - s.lastSeen() <= RECONNECT_GRACE.toMillis()) {
              return s;
            }
            gone.add(s);
            return null;
          });
    }
    return gone;
  }
}
