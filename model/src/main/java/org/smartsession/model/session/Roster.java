package org.smartsession.model.session;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The students a session expects, by name, each id once; {@code othersAllowed} says whether
 * students not on it may join as well.
 */
public record Roster(List<RosterEntry> students, boolean othersAllowed) {
  public static final int MAX_STUDENTS = 2000;

  public Roster {
    Map<String, RosterEntry> byId = new LinkedHashMap<>();
    for (RosterEntry e : students) {
      byId.put(e.studentId(), e); // a repeated id: the last line wins
    }
    if (byId.size() > MAX_STUDENTS) {
      throw new IllegalArgumentException(
          "a roster lists at most " + MAX_STUDENTS + " students, not " + byId.size());
    }
    students =
        byId.values().stream()
            .sorted(
                Comparator.comparing(RosterEntry::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(RosterEntry::studentId))
            .toList();
  }

  public Optional<RosterEntry> find(String studentId) {
    return students.stream().filter(e -> e.studentId().equals(studentId)).findFirst();
  }

  /** Whether a student with this id may join the session. */
  public boolean admits(String studentId) {
    return othersAllowed || find(studentId).isPresent();
  }

  /** This roster without the student (an erasure). */
  public Roster without(String studentId) {
    return new Roster(
        students.stream().filter(e -> !e.studentId().equals(studentId)).toList(), othersAllowed);
  }
}
