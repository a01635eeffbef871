package org.smartsession.model.scoring;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smartsession.model.session.StudentStatus;

/**
 * The outcome of one frame for one student: status, scores (absent when unknown or switched off),
 * the latest value of each indicator, which feedback line the student gets, and alerts to raise.
 */
public record Assessment(
    StudentStatus status,
    Double confusion,
    Double engagement,
    Map<String, Double> indicators,
    StudentFeedback feedback,
    List<RaisedAlert> alerts) {

  public Assessment {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(feedback, "feedback");
    indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
    alerts = alerts == null ? List.of() : List.copyOf(alerts);
  }

  /** No analysis could be made: no scores, no alerts, and the student is told so plainly. */
  public static Assessment unavailable() {
    return new Assessment(
        StudentStatus.ANALYSIS_UNAVAILABLE,
        null,
        null,
        Map.of(),
        StudentFeedback.ANALYSIS_UNAVAILABLE,
        List.of());
  }
}
