package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.smartsession.engine.config.SessionLimits;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionPhase;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.Teacher;

/**
 * Creating and listing sessions, and who may teach them; students join through {@link JoinService}.
 */
@ApplicationScoped
public class SessionService {
  private static final char[] ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration MIN_RETENTION = Duration.ofHours(1);

  @Inject SessionStore store;
  @Inject Clock clock;
  @Inject AuditLog audit;
  @Inject SessionLimits limits;
  @Inject StoreLimits retention;
  @Inject Event<CommandIssued> commands;

  private final PerMinuteLimit creations = new PerMinuteLimit(() -> limits.createdPerMinute());

  /**
   * A new session owned by the teacher who creates it; with {@code requireStudentLogin}, students
   * join only signed in through the institution's provider.
   *
   * @throws LimitReachedException if they keep too many sessions or create them too fast
   */
  public SessionInfo create(
      String name, SessionKind kind, Teacher owner, boolean requireStudentLogin)
      throws LimitReachedException {
    return create(name, kind, owner, requireStudentLogin, null);
  }

  /**
   * A new session that opens to students at {@code opensAt} (epoch ms), or at once when null.
   *
   * @throws IllegalArgumentException if it would open after its data expires
   */
  public SessionInfo create(
      String name, SessionKind kind, Teacher owner, boolean requireStudentLogin, Long opensAt)
      throws LimitReachedException {
    return create(name, kind, owner, requireStudentLogin, opensAt, null);
  }

  /**
   * A new session that opens at {@code opensAt} (or at once when null) and whose data is kept for
   * {@code retention} after its last activity (the deployment's time to live when null).
   *
   * @throws IllegalArgumentException if the retention is under an hour or over the deployment's
   *     longest, or the session would open after its data expires
   */
  public SessionInfo create(
      String name,
      SessionKind kind,
      Teacher owner,
      boolean requireStudentLogin,
      Long opensAt,
      Duration retention)
      throws LimitReachedException {
    long now = clock.millis();
    if (retention != null
        && (retention.compareTo(MIN_RETENTION) < 0
            || retention.compareTo(this.retention.maxRetention()) > 0)) {
      throw new IllegalArgumentException(
          "'retentionHours' must be from 1 to "
              + this.retention.maxRetention().toHours()
              + " (hours)");
    }
    // It must open well before its data expires; joining renews it from then on.
    long ttl = (retention != null ? retention : this.retention.ttl()).toMillis();
    long ahead = ttl - Math.min(Duration.ofHours(1).toMillis(), ttl / 2);
    if (opensAt != null && opensAt > now + ahead) {
      throw new IllegalArgumentException(
          "'opensAt': a session can be scheduled at most "
              + Duration.ofMillis(ahead).toMinutes()
              + " minutes ahead: its data is kept "
              + Duration.ofMillis(ttl).toMinutes()
              + " minutes");
    }
    long kept = store.sessions().stream().filter(owner::owns).count();
    if (kept >= limits.maxPerTeacher()) {
      throw new LimitReachedException(
          "you keep " + kept + " sessions, the most allowed; older ones expire by themselves", 0);
    }
    long wait = creations.admit(owner.login(), now);
    if (wait > 0) {
      throw new LimitReachedException(
          "at most " + limits.createdPerMinute() + " new sessions a minute", (wait + 999) / 1000);
    }
    SessionInfo session =
        new SessionInfo(
            newSessionId(),
            name,
            kind,
            owner.login(),
            now,
            requireStudentLogin,
            opensAt == null || opensAt <= now ? null : opensAt,
            null,
            retention == null ? null : retention.toSeconds());
    store.createSession(session);
    store.addTeacher(session.sessionId(), owner.login());
    return session;
  }

  /** Session codes are short enough to read out in class and too many to guess. */
  static String newSessionId() {
    StringBuilder id = new StringBuilder("S-");
    for (int i = 0; i < 10; i++) {
      id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  /** The sessions the teacher owns or teaches, every session for an admin; newest first. */
  public List<SessionInfo> sessionsOf(Teacher teacher) {
    return store.sessions().stream()
        .filter(s -> teacher.admin() || teacher.mayAccess(s, store.teachers(s.sessionId())))
        .toList();
  }

  /**
   * The session, when this teacher may watch and act on it.
   *
   * @throws UnknownSessionException if there is no such session
   * @throws NotPermittedException if it is another teacher's
   */
  public SessionInfo forTeacher(String sessionId, Teacher teacher)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session =
        store
            .findSession(sessionId)
            .orElseThrow(() -> new UnknownSessionException("no session " + sessionId));
    if (!teacher.mayAccess(session, store.teachers(sessionId))) {
      throw new NotPermittedException("session " + sessionId + " is not one of yours");
    }
    return session;
  }

  /** The owner and co-teachers of a session the teacher may access. */
  public Set<String> teachers(String sessionId, Teacher teacher)
      throws UnknownSessionException, NotPermittedException {
    forTeacher(sessionId, teacher);
    return store.teachers(sessionId);
  }

  /**
   * Adds a co-teacher, by login name or e-mail; only the owner (or an admin) may.
   *
   * @return the co-teacher as recorded
   */
  public String addCoTeacher(String sessionId, Teacher by, String coTeacher)
      throws UnknownSessionException, NotPermittedException {
    forOwner(sessionId, by);
    String recorded = Teacher.normalised(coTeacher);
    store.addTeacher(sessionId, recorded);
    audit.record(sessionId, by, AuditAction.CO_TEACHER_ADDED, recorded);
    return recorded;
  }

  /** Removes a co-teacher; only the owner (or an admin) may, and the owner cannot be removed. */
  public void removeCoTeacher(String sessionId, Teacher by, String coTeacher)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session = forTeacher(sessionId, by);
    requireOwner(session, by);
    String recorded = Teacher.normalised(coTeacher);
    if (recorded.equals(session.owner())) {
      throw new NotPermittedException("the owner of a session cannot be removed from it");
    }
    store.removeTeacher(sessionId, recorded);
    audit.record(sessionId, by, AuditAction.CO_TEACHER_REMOVED, recorded);
  }

  /** Opens a scheduled session now; an open or ended session is left as it is. */
  public SessionInfo start(String sessionId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session = forTeacher(sessionId, by);
    long now = clock.millis();
    if (session.phaseAt(now) != SessionPhase.SCHEDULED) {
      return session;
    }
    store.saveLifeCycle(session.openedAt(now));
    audit.record(sessionId, by, AuditAction.SESSION_STARTED, "before its scheduled time");
    return find(sessionId).orElse(session.openedAt(now));
  }

  /**
   * Ends the session: students are told and disconnected on every server, and none may join or send
   * frames again; teachers keep reading it. Ending it again changes nothing.
   */
  public SessionInfo end(String sessionId, Teacher by)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session = forTeacher(sessionId, by);
    if (session.endedAt() != null) {
      return session;
    }
    SessionInfo ended = session.endedAt(clock.millis());
    store.saveLifeCycle(ended);
    audit.record(sessionId, by, AuditAction.SESSION_ENDED, "");
    commands.fire(
        new CommandIssued(sessionId, new Command(Command.Kind.END_SESSION.name(), null, null)));
    return find(sessionId).orElse(ended);
  }

  /** The session, when the teacher is its owner or an admin. */
  SessionInfo forOwner(String sessionId, Teacher teacher)
      throws UnknownSessionException, NotPermittedException {
    SessionInfo session = forTeacher(sessionId, teacher);
    requireOwner(session, teacher);
    return session;
  }

  private static void requireOwner(SessionInfo session, Teacher teacher)
      throws NotPermittedException {
    if (!teacher.admin() && !teacher.owns(session)) {
      throw new NotPermittedException("only the owner of session " + session.sessionId() + " may");
    }
  }

  public Optional<SessionInfo> find(String sessionId) {
    return store.findSession(sessionId);
  }
}
