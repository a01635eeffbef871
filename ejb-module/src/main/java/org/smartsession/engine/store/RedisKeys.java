package org.smartsession.engine.store;

/**
 * The Redis layout. Every key of a session carries the session id as a hash tag ({@code {id}}), so
 * that a Redis Cluster keeps a session's keys in one slot and pipelines stay possible.
 */
final class RedisKeys {
  static final String PREFIX = "smartsession:";

  /** Sorted set of session ids, scored by creation time. */
  static final String SESSIONS = PREFIX + "sessions";

  /**
   * A random value set once, without expiry: when it is gone, or another than a server last saw,
   * Redis lost its data (restarted without persistence, or flushed) and the servers write theirs
   * again.
   */
  static final String EPOCH = PREFIX + "epoch";

  private RedisKeys() {}

  private static String session(String sessionId) {
    return PREFIX + "{" + sessionId + "}:";
  }

  /** Hash: name, kind, owner, createdAt, requireStudentLogin. */
  static String info(String sessionId) {
    return session(sessionId) + "info";
  }

  /** Set of student ids. */
  static String students(String sessionId) {
    return session(sessionId) + "students";
  }

  /** Set of the owner's and co-teachers' login names or e-mails. */
  static String teachers(String sessionId) {
    return session(sessionId) + "teachers";
  }

  /** Hash: one student's current state. */
  static String student(String sessionId, String studentId) {
    return session(sessionId) + "student:" + studentId;
  }

  /** Sorted set: timestamp → "timestamp|confusion|engagement|status". */
  static String history(String sessionId, String studentId) {
    return session(sessionId) + "history:" + studentId;
  }

  /** Sorted set of teachers' notes on the student or their alerts as JSON, scored by time. */
  static String notes(String sessionId, String studentId) {
    return session(sessionId) + "notes:" + studentId;
  }

  /** Every key of one student of the session. */
  static String[] ofStudent(String sessionId, String studentId) {
    return new String[] {
      student(sessionId, studentId), history(sessionId, studentId), notes(sessionId, studentId)
    };
  }

  /**
   * Hash: the session's roster, student id → name, and {@link #OTHERS_ALLOWED} → "true" or "false"
   * (a field no student id can be).
   */
  static String roster(String sessionId) {
    return session(sessionId) + "roster";
  }

  static final String OTHERS_ALLOWED = ":othersAllowed";

  /** List of alerts as JSON, oldest first. */
  static String alerts(String sessionId) {
    return session(sessionId) + "alerts";
  }

  /** Set of the ids of the alerts kept, so that writing an alert again adds nothing. */
  static String alertIds(String sessionId) {
    return session(sessionId) + "alert-ids";
  }

  /** Sorted set of teachers' actions as JSON, scored by time. */
  static String audit(String sessionId) {
    return session(sessionId) + "audit-log";
  }

  /** Hash: alert id → acknowledgement as JSON. */
  static String acknowledgements(String sessionId) {
    return session(sessionId) + "acks";
  }

  /**
   * Hash: "studentId ALERT_TYPE" → that student's newest alert of the type as JSON, without its
   * screenshot; dropped when the alert is acknowledged.
   */
  static String openAlerts(String sessionId) {
    return session(sessionId) + "open-alerts";
  }

  /** Hash: alert id → times its condition was raised again; "id@last" → when last. */
  static String alertRepeats(String sessionId) {
    return session(sessionId) + "alert-repeats";
  }

  /** Hash of counters: "alerts", "alerts:studentId", "screenshots", "screenshots:studentId". */
  static String alertCounts(String sessionId) {
    return session(sessionId) + "alert-counts";
  }

  /** Every key of the session that is not one student's. */
  static String[] sessionWide(String sessionId) {
    return new String[] {
      info(sessionId),
      students(sessionId),
      teachers(sessionId),
      alerts(sessionId),
      alertIds(sessionId),
      audit(sessionId),
      acknowledgements(sessionId),
      openAlerts(sessionId),
      alertRepeats(sessionId),
      alertCounts(sessionId),
      roster(sessionId)
    };
  }
}
