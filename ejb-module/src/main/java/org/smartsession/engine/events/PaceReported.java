package org.smartsession.engine.events;

import java.util.Set;
import org.smartsession.model.session.SessionKind;

/**
 * One server's pace, told to the others every second while it asks some students for fewer frames,
 * and once more when it stops: the frames a second it asks of exams and lectures, since when (null:
 * not reduced), and the sessions whose students it analyses. Teachers connected to another server
 * learn from it that their session's analysis is reduced.
 *
 * @param reporter the server's own id, so that a newer report replaces its last
 */
public record PaceReported(
    String reporter,
    Double examFps,
    Long examSince,
    Double lectureFps,
    Long lectureSince,
    Set<String> sessionIds) {
  public PaceReported {
    sessionIds = sessionIds == null ? Set.of() : Set.copyOf(sessionIds);
  }

  public boolean reduced() {
    return examSince != null || lectureSince != null;
  }

  public Double fpsFor(SessionKind kind) {
    return kind == SessionKind.EXAM ? examFps : lectureFps;
  }

  public Long sinceFor(SessionKind kind) {
    return kind == SessionKind.EXAM ? examSince : lectureSince;
  }
}
