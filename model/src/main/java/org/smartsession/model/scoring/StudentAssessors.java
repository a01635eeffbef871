package org.smartsession.model.scoring;

import java.util.Objects;
import org.smartsession.model.session.SessionKind;

/** Where the engine gets a {@link StudentAssessor}: one per student, for the session's kind. */
public final class StudentAssessors {
  private StudentAssessors() {}

  /**
   * A new assessor for one student. LOOKING_AWAY is raised only in {@link SessionKind#EXAM}
   * sessions; everything else follows {@code settings}.
   */
  public static StudentAssessor create(ScoringSettings settings, SessionKind kind) {
    Objects.requireNonNull(kind, "kind");
    return new LandmarkStudentAssessor(settings, kind == SessionKind.EXAM);
  }
}
