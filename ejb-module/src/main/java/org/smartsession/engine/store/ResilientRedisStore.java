package org.smartsession.engine.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StoreUnavailableException;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.TeacherNote;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis, with this server's own copy in memory of all it wrote, so that Redis going away loses
 * nothing this server accepted. While Redis answers, reads come from it (every server's students)
 * and writes go to both. Once a call fails, the store works from its copy (the sessions it knows;
 * on this server, its own students) and notes the sessions written meanwhile. {@link #recover},
 * called every second, writes those back once Redis answers, and writes every session of the copy
 * again when Redis lost its data (restarted without persistence): see {@link
 * RedisSessionStore#epoch}. The copy is bounded like the in-memory store: by the time to live, the
 * history and the alert caps.
 */
public class ResilientRedisStore implements SessionStore, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ResilientRedisStore.class.getName());

  private final RedisSessionStore redis;
  private final InMemorySessionStore copy;
  private final Clock clock;
  private final Set<String> writtenWhileDown = ConcurrentHashMap.newKeySet();
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean reachable = true;
  private volatile long downSince;
  private volatile String epoch;

  public ResilientRedisStore(RedisSessionStore redis, InMemorySessionStore copy, Clock clock) {
    this.redis = redis;
    this.copy = copy;
    this.clock = clock;
    try {
      epoch = redis.epoch(RedisSessionStore.newEpoch());
    } catch (JedisException e) {
      unreachable(e);
    }
  }

  /** What an operator sees of it: whether Redis answers, since when not, what waits for it. */
  public record Status(
      boolean reachable, long unreachableForMs, int sessionsToWrite, long errors) {}

  public Status status() {
    boolean up = reachable;
    return new Status(
        up, up ? 0 : clock.millis() - downSince, writtenWhileDown.size(), errors.get());
  }

  /**
   * Brings Redis up to date: the sessions written while it was unreachable, or all this server
   * holds when it lost its data. Cheap when nothing happened: one command.
   */
  public synchronized void recover() {
    try {
      String seen = redis.epoch(RedisSessionStore.newEpoch());
      boolean lost = epoch != null && !seen.equals(epoch);
      epoch = seen;
      Set<String> toWrite = Set.copyOf(writtenWhileDown);
      if (lost) {
        redis.forgetRenewals();
        toWrite = Set.copyOf(copy.sessions().stream().map(SessionInfo::sessionId).toList());
        LOG.warning(
            () ->
                "Redis lost its data (restarted without persistence, or flushed): writing this"
                    + " server's copy of sessions again");
      }
      for (String sessionId : toWrite) {
        // Taken off first: a write that comes in meanwhile marks the session again.
        writtenWhileDown.remove(sessionId);
        copy.findSession(sessionId).ifPresent(info -> redis.restore(SessionCopy.of(copy, info)));
      }
      if (!reachable) {
        reachable = true;
        int written = toWrite.size();
        LOG.info(
            () ->
                "Redis answers again after "
                    + (clock.millis() - downSince)
                    + " ms; wrote "
                    + written
                    + " session(s) kept meanwhile");
      }
    } catch (JedisException e) {
      unreachable(e);
    }
  }

  private void unreachable(JedisException e) {
    errors.incrementAndGet();
    if (reachable) {
      reachable = false;
      downSince = clock.millis();
      LOG.warning(
          () -> "Redis is unreachable; working from this server's copy until it answers: " + e);
    }
  }

  /** Learns a session another server created, so that it can be served from the copy later. */
  private void knowLocally(String sessionId) {
    if (reachable && copy.findSession(sessionId).isEmpty()) {
      try {
        redis
            .findSession(sessionId)
            .ifPresent(
                info -> {
                  copy.createSession(info);
                  redis.teachers(sessionId).forEach(t -> copy.addTeacher(sessionId, t));
                });
      } catch (JedisException e) {
        unreachable(e);
      }
    }
  }

  private void requireCopy(String sessionId) {
    if (copy.findSession(sessionId).isEmpty()) {
      throw new StoreUnavailableException(
          "Redis is unreachable, and this server holds no copy of session " + sessionId);
    }
  }

  /** Writes the copy first (it checks the session), then Redis, or notes it for later. */
  private void write(String sessionId, Consumer<SessionStore> write) {
    knowLocally(sessionId);
    if (!reachable) {
      requireCopy(sessionId);
    }
    write.accept(copy);
    toRedis(sessionId, write);
  }

  private void toRedis(String sessionId, Consumer<SessionStore> write) {
    if (reachable) {
      try {
        write.accept(redis);
        return;
      } catch (JedisException e) {
        unreachable(e);
      } catch (IllegalArgumentException e) {
        // Redis lost the session, which this server holds: written again by recover().
      }
    }
    writtenWhileDown.add(sessionId);
  }

  /** Reads Redis; while it is unreachable, the copy, for a session it holds. */
  private <T> T read(String sessionId, Function<SessionStore, T> read) {
    if (reachable) {
      try {
        return read.apply(redis);
      } catch (JedisException e) {
        unreachable(e);
      }
    }
    if (sessionId != null) {
      requireCopy(sessionId);
    }
    return read.apply(copy);
  }

  @Override
  public void checkAvailable() {
    redis.checkAvailable();
  }

  @Override
  public String kind() {
    return redis.kind();
  }

  @Override
  public void createSession(SessionInfo session) {
    copy.createSession(session);
    toRedis(session.sessionId(), s -> s.createSession(session));
  }

  @Override
  public Optional<SessionInfo> findSession(String sessionId) {
    Optional<SessionInfo> found = read(sessionId, s -> s.findSession(sessionId));
    if (found.isEmpty() && reachable) {
      // Redis lost it (restarted) and recover() has not written it again yet.
      Optional<SessionInfo> held = copy.findSession(sessionId);
      held.ifPresent(info -> writtenWhileDown.add(sessionId));
      return held;
    }
    return found;
  }

  @Override
  public void saveLifeCycle(SessionInfo session) {
    write(session.sessionId(), s -> s.saveLifeCycle(session));
  }

  @Override
  public List<SessionInfo> sessions() {
    return read(null, SessionStore::sessions);
  }

  /**
   * Deletes from the copy and from Redis; while Redis is unreachable this fails rather than leave
   * the data there, so that the teacher can try again.
   */
  @Override
  public void deleteSession(String sessionId) {
    inRedis(() -> redis.deleteSession(sessionId));
    forgetSession(sessionId);
  }

  @Override
  public void deleteStudent(String sessionId, String studentId) {
    inRedis(() -> redis.deleteStudent(sessionId, studentId));
    forgetStudent(sessionId, studentId);
  }

  private void inRedis(Runnable deletion) {
    try {
      deletion.run();
    } catch (JedisException e) {
      unreachable(e);
      throw new StoreUnavailableException("Redis is unreachable: nothing was deleted; try again");
    }
  }

  /** Another server deleted the session or the student: this copy forgets them too. */
  public void forgetSession(String sessionId) {
    copy.deleteSession(sessionId);
    writtenWhileDown.remove(sessionId);
  }

  public void forgetStudent(String sessionId, String studentId) {
    copy.deleteStudent(sessionId, studentId);
  }

  @Override
  public void addStudent(String sessionId, String studentId, String name) {
    write(sessionId, s -> s.addStudent(sessionId, studentId, name));
  }

  @Override
  public boolean addStudentIfAbsent(String sessionId, String studentId, String name) {
    knowLocally(sessionId);
    if (reachable) {
      try {
        boolean added = redis.addStudentIfAbsent(sessionId, studentId, name);
        if (added) {
          copy.addStudent(sessionId, studentId, name);
        }
        return added;
      } catch (JedisException e) {
        unreachable(e);
      }
    }
    // Without Redis, only this server's students can be checked.
    requireCopy(sessionId);
    boolean added = copy.addStudentIfAbsent(sessionId, studentId, name);
    writtenWhileDown.add(sessionId);
    return added;
  }

  @Override
  public void addTeacher(String sessionId, String teacher) {
    write(sessionId, s -> s.addTeacher(sessionId, teacher));
  }

  @Override
  public void removeTeacher(String sessionId, String teacher) {
    // Not kept for later: writing the copy again adds, it never takes away.
    if (!reachable) {
      throw new StoreUnavailableException("Redis is unreachable: try again in a moment");
    }
    try {
      redis.removeTeacher(sessionId, teacher);
    } catch (JedisException e) {
      unreachable(e);
      throw new StoreUnavailableException("Redis is unreachable: try again in a moment");
    }
    copy.removeTeacher(sessionId, teacher);
  }

  @Override
  public Set<String> teachers(String sessionId) {
    return read(sessionId, s -> s.teachers(sessionId));
  }

  @Override
  public void appendAudit(String sessionId, AuditEntry entry) {
    write(sessionId, s -> s.appendAudit(sessionId, entry));
  }

  @Override
  public List<AuditEntry> audit(String sessionId) {
    return read(sessionId, s -> s.audit(sessionId));
  }

  @Override
  public void saveRoster(String sessionId, Roster roster) {
    write(sessionId, s -> s.saveRoster(sessionId, roster));
  }

  @Override
  public Optional<Roster> roster(String sessionId) {
    return read(sessionId, s -> s.roster(sessionId));
  }

  @Override
  public Map<String, Long> joinTimes(String sessionId) {
    return read(sessionId, s -> s.joinTimes(sessionId));
  }

  @Override
  public void addNote(TeacherNote note) {
    write(note.sessionId(), s -> s.addNote(note));
  }

  @Override
  public List<TeacherNote> notes(String sessionId) {
    return read(sessionId, s -> s.notes(sessionId));
  }

  @Override
  public void saveStudentState(StudentState state) {
    write(state.sessionId(), s -> s.saveStudentState(state));
  }

  @Override
  public Optional<StudentState> studentState(String sessionId, String studentId) {
    return read(sessionId, s -> s.studentState(sessionId, studentId));
  }

  @Override
  public List<StudentState> studentStates(String sessionId) {
    return read(sessionId, s -> s.studentStates(sessionId));
  }

  @Override
  public List<HistoryPoint> history(String sessionId, String studentId, long from, long to) {
    return read(sessionId, s -> s.history(sessionId, studentId, from, to));
  }

  @Override
  public int studentCount(String sessionId) {
    return read(sessionId, s -> s.studentCount(sessionId));
  }

  @Override
  public void saveAlert(Alert alert) {
    write(alert.sessionId(), s -> s.saveAlert(alert));
  }

  @Override
  public List<Alert> alerts(String sessionId) {
    return read(sessionId, s -> s.alerts(sessionId));
  }

  @Override
  public Optional<Alert> openAlert(String sessionId, String studentId, AlertType type) {
    return read(sessionId, s -> s.openAlert(sessionId, studentId, type));
  }

  @Override
  public Alert repeatAlert(Alert open, long timestamp) {
    Alert[] repeated = new Alert[1];
    // Redis's count wins: another server may have counted repeats this one did not see.
    write(open.sessionId(), s -> repeated[0] = s.repeatAlert(open, timestamp));
    return repeated[0];
  }

  @Override
  public AlertCounts alertCounts(String sessionId, String studentId) {
    return read(sessionId, s -> s.alertCounts(sessionId, studentId));
  }

  @Override
  public Optional<Alert> acknowledge(
      String sessionId, String alertId, Acknowledgement acknowledgement) {
    List<Optional<Alert>> results = new ArrayList<>(2);
    write(sessionId, s -> results.add(s.acknowledge(sessionId, alertId, acknowledgement)));
    // The last that answered: Redis, which knows every server's alerts, or else the copy.
    return results.get(results.size() - 1);
  }

  @Override
  public void close() {
    redis.close();
  }
}
