package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.required;

import java.util.List;
import java.util.Map;

/**
 * Server to the teachers of a session, every second: the aggregate and one line per student. {@code
 * affectInference} tells the dashboard whether confusion and engagement are computed at all; {@code
 * analysis}, present only while the server has slowed this session's students down, says to what
 * rate and since when.
 */
public record SessionUpdate(
    String sessionId,
    long timestamp,
    boolean affectInference,
    Aggregate aggregate,
    List<StudentSummary> students,
    ReducedAnalysis analysis)
    implements Message {
  public static final String TYPE = "SESSION_UPDATE";

  public SessionUpdate {
    required(sessionId, TYPE, "sessionId");
    required(aggregate, TYPE, "aggregate");
    students = List.copyOf(required(students, TYPE, "students"));
  }

  /** Students are asked for at most {@code fps} frames a second since {@code since} (epoch ms). */
  public record ReducedAnalysis(double fps, long since) {}

  /** The session aggregate; {@code avgConfusion} is absent when no active student has a score. */
  public record Aggregate(
      int totalStudents,
      int activeStudents,
      Double avgConfusion,
      int confusedCount,
      int disengagedCount) {}

  /**
   * One student's current state. {@code indicators} holds the latest value of each confusion
   * indicator, so a teacher can see which one drives the score.
   */
  public record StudentSummary(
      String id,
      String name,
      Double confusion,
      Double engagement,
      String status,
      Long lastFrameAt,
      Integer faces,
      Map<String, Double> indicators) {
    public StudentSummary {
      required(id, TYPE, "students[].id");
      required(status, TYPE, "students[].status");
      indicators = indicators == null ? null : Map.copyOf(indicators);
    }
  }
}
