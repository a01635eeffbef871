package org.smartsession.engine.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.session.StudentKey;

/**
 * Each student's stream state on this server: the face tracker and the assessor (calibration,
 * smoothing, alert rules), made on the student's first frame and forgotten when they leave.
 */
@ApplicationScoped
public class StudentStreams {

  @Inject ScoringSettings scoring;

  private final ConcurrentHashMap<StudentKey, StudentStream> streams = new ConcurrentHashMap<>();

  StudentStream of(ConnectedStudent student) {
    return streams.computeIfAbsent(student.key(), key -> new StudentStream(newAssessor(student)));
  }

  /** Whether {@code stream} is still the student's, not forgotten since (deleted, or gone). */
  boolean isCurrent(StudentKey key, StudentStream stream) {
    return streams.get(key) == stream;
  }

  /** The assessor for a student's first frame, by the rules of their session's kind. */
  StudentAssessor newAssessor(ConnectedStudent student) {
    return StudentAssessor.create(scoring, student.kind());
  }

  /** RECALIBRATE restarts the calibration of one student, or of every student of the session. */
  void onCommand(@Observes CommandIssued event) {
    Command command = event.command();
    if (command.kind() != Command.Kind.RECALIBRATE) {
      return;
    }
    streams.forEach(
        (key, stream) -> {
          if (key.sessionId().equals(event.sessionId())
              && (command.studentId() == null || command.studentId().equals(key.studentId()))) {
            stream.requestRecalibration();
          }
        });
  }

  void onDeleted(@Observes DataDeleted event) {
    streams.keySet().removeIf(key -> event.covers(key.sessionId(), key.studentId()));
  }

  void onLeft(@Observes StudentLeft event) {
    streams.remove(event.student());
  }

  /** The sessions whose students this server analyses. */
  public Set<String> sessionIds() {
    return streams.keySet().stream().map(StudentKey::sessionId).collect(Collectors.toSet());
  }

  /** Whether this server analyses some student of the session. */
  public boolean analyses(String sessionId) {
    return streams.keySet().stream().anyMatch(k -> k.sessionId().equals(sessionId));
  }

  int size() {
    return streams.size();
  }
}
