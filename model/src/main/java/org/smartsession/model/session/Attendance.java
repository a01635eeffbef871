package org.smartsession.model.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who of a session's expected students came: each student on the roster, and each who joined
 * without being on it, with whether they have not joined, are here, or left (no frames for the idle
 * time: the page closed, the network lost), when they first joined and whether that was late.
 */
public record Attendance(
    String studentId,
    String name,
    boolean onRoster,
    Presence presence,
    Long joinedAt,
    boolean late,
    Long leftAt) {

  /** Where a student is. */
  public enum Presence {
    NOT_JOINED,
    HERE,
    LEFT
  }

  /**
   * @param states the students' states as seen now ({@link StudentState#asSeenAt})
   * @param joinTimes student id → first join
   * @param lateAfterMs how long after the session opened a first join counts as late
   */
  public static List<Attendance> of(
      SessionInfo session,
      Roster roster,
      List<StudentState> states,
      Map<String, Long> joinTimes,
      long lateAfterMs) {
    long opened = session.opensAt() != null ? session.opensAt() : session.createdAt();
    Map<String, StudentState> byId = new HashMap<>();
    states.forEach(s -> byId.put(s.studentId(), s));
    List<Attendance> all = new ArrayList<>();
    List<RosterEntry> listed = roster == null ? List.of() : roster.students();
    for (RosterEntry e : listed) {
      all.add(
          of(
              e.studentId(),
              e.name(),
              true,
              byId.remove(e.studentId()),
              joinTimes,
              opened,
              lateAfterMs));
    }
    for (StudentState s : byId.values()) {
      all.add(of(s.studentId(), s.name(), false, s, joinTimes, opened, lateAfterMs));
    }
    all.sort(
        Comparator.comparing(
                (Attendance a) -> a.name() == null ? "" : a.name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Attendance::studentId));
    return all;
  }

  private static Attendance of(
      String id,
      String name,
      boolean onRoster,
      StudentState state,
      Map<String, Long> joinTimes,
      long opened,
      long lateAfterMs) {
    if (state == null) {
      return new Attendance(id, name, onRoster, Presence.NOT_JOINED, null, false, null);
    }
    Long joined = joinTimes.get(id);
    boolean late = joined != null && joined > opened + lateAfterMs;
    boolean left = state.status() == StudentStatus.IDLE;
    return new Attendance(
        id,
        onRoster ? name : state.name() == null ? id : state.name(),
        onRoster,
        left ? Presence.LEFT : Presence.HERE,
        joined,
        late,
        left ? state.updatedAt() : null);
  }
}
