package org.smartsession.model.session;

import java.util.Objects;

/**
 * A class or exam session as its teacher created it. With {@code requireStudentLogin}, students
 * join only signed in through the institution's provider, which then gives their student id. {@code
 * opensAt} (epoch ms) is when students may join, null for "from its creation"; {@code endedAt},
 * once set, is final: an ended session is never reopened. {@code retentionSeconds} is how long its
 * data is kept after its last activity, null for the deployment's time to live.
 */
public record SessionInfo(
    String sessionId,
    String name,
    SessionKind kind,
    String owner,
    long createdAt,
    boolean requireStudentLogin,
    Long opensAt,
    Long endedAt,
    Long retentionSeconds) {
  public SessionInfo {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (retentionSeconds != null && retentionSeconds < 1) {
      throw new IllegalArgumentException("a retention must be positive");
    }
  }

  /** A session kept for the deployment's time to live. */
  public SessionInfo(
      String sessionId,
      String name,
      SessionKind kind,
      String owner,
      long createdAt,
      boolean requireStudentLogin,
      Long opensAt,
      Long endedAt) {
    this(sessionId, name, kind, owner, createdAt, requireStudentLogin, opensAt, endedAt, null);
  }

  /** An unscheduled session, open from its creation. */
  public SessionInfo(
      String sessionId,
      String name,
      SessionKind kind,
      String owner,
      long createdAt,
      boolean requireStudentLogin) {
    this(sessionId, name, kind, owner, createdAt, requireStudentLogin, null, null, null);
  }

  /** A session that students join under an id of their own choosing. */
  public SessionInfo(
      String sessionId, String name, SessionKind kind, String owner, long createdAt) {
    this(sessionId, name, kind, owner, createdAt, false);
  }

  /** How long its data is kept after its last activity, in seconds. */
  public long retentionSecondsOr(long deploymentSeconds) {
    return retentionSeconds != null ? retentionSeconds : deploymentSeconds;
  }

  public SessionPhase phaseAt(long now) {
    if (endedAt != null) {
      return SessionPhase.ENDED;
    }
    return opensAt != null && now < opensAt ? SessionPhase.SCHEDULED : SessionPhase.OPEN;
  }

  /** This session opened at {@code at}, if it was still waiting for its time; else unchanged. */
  public SessionInfo openedAt(long at) {
    return phaseAt(at) == SessionPhase.SCHEDULED ? withTimes(at, null) : this;
  }

  /** This session ended at {@code at}, unless it had ended already (the first end stays). */
  public SessionInfo endedAt(long at) {
    return endedAt != null ? this : withTimes(opensAt, at);
  }

  /**
   * The same session with the later of two views' life-cycle times: an end seen by either stays, so
   * that an older copy written back never reopens a session.
   */
  public SessionInfo mergedWith(SessionInfo other) {
    Long ended = endedAt != null ? endedAt : other.endedAt;
    Long opens = opensAt == null || other.opensAt == null ? null : Math.min(opensAt, other.opensAt);
    return withTimes(opens, ended);
  }

  private SessionInfo withTimes(Long opens, Long ended) {
    return new SessionInfo(
        sessionId,
        name,
        kind,
        owner,
        createdAt,
        requireStudentLogin,
        opens,
        ended,
        retentionSeconds);
  }
}
