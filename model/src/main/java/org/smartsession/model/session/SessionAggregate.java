package org.smartsession.model.session;

import java.util.Collection;

/**
 * The summary a teacher's header shows: students in total, active ones (a face seen and frames
 * arriving), their average confusion, how many are confused and how many show no face.
 */
public record SessionAggregate(
    int totalStudents,
    int activeStudents,
    Double avgConfusion,
    int confusedCount,
    int disengagedCount) {

  /** Aggregates states already brought to the present with {@link StudentState#asSeenAt}. */
  public static SessionAggregate of(Collection<StudentState> students) {
    int active = 0;
    int confused = 0;
    int disengaged = 0;
    int scored = 0;
    double confusionSum = 0;
    for (StudentState s : students) {
      if (s.status().isActive()) {
        active++;
        if (s.confusion() != null) {
          scored++;
          confusionSum += s.confusion();
        }
      }
      if (s.status() == StudentStatus.CONFUSED) {
        confused++;
      } else if (s.status() == StudentStatus.DISENGAGED) {
        disengaged++;
      }
    }
    Double average = scored == 0 ? null : confusionSum / scored;
    return new SessionAggregate(students.size(), active, average, confused, disengaged);
  }
}
