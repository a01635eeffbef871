package org.smartsession.engine.store;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.TeacherNote;

/**
 * Keeps everything in this JVM: the quick start and single-server deployments. A session expires,
 * with all it holds, once nothing was written to it for the time to live.
 */
public class InMemorySessionStore implements SessionStore {

  private final ConcurrentHashMap<String, SessionEntry> sessions = new ConcurrentHashMap<>();
  private final StoreLimits limits;
  private final Clock clock;
  private final HistorySampler sampler;

  public InMemorySessionStore(StoreLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.sampler = new HistorySampler(limits.historyIntervalMs(), limits.ttl().toMillis());
  }

  @Override
  public String kind() {
    return "memory";
  }

  /** Everything one session holds; guarded by its own monitor. */
  private static final class SessionEntry {
    SessionInfo info;
    final Map<String, String> students = new LinkedHashMap<>();
    final Set<String> teachers = new LinkedHashSet<>();
    final Map<String, StudentState> states = new LinkedHashMap<>();
    final Map<String, Deque<HistoryPoint>> history = new LinkedHashMap<>();
    final Map<String, Alert> alerts = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    final Map<String, TeacherNote> notes = new LinkedHashMap<>();
    final Map<String, Long> joinedAt = new LinkedHashMap<>();
    Roster roster;
    long expiresAt;

    SessionEntry(SessionInfo info) {
      this.info = info;
    }
  }

  private long now() {
    return clock.millis();
  }

  /** What {@code read} takes from a live session, under its lock; {@code otherwise} if none. */
  private <T> T read(String sessionId, Function<SessionEntry, T> read, T otherwise) {
    return live(sessionId)
        .map(
            e -> {
              synchronized (e) {
                return read.apply(e);
              }
            })
        .orElse(otherwise);
  }

  private Optional<SessionEntry> live(String sessionId) {
    SessionEntry entry = sessions.get(sessionId);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expiresAt <= now()) {
      sessions.remove(sessionId, entry);
      sampler.forgetSession(sessionId + "/");
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  private SessionEntry writable(String sessionId) {
    SessionEntry entry =
        live(sessionId).orElseThrow(() -> new IllegalArgumentException("no session " + sessionId));
    entry.expiresAt = now() + ttlMs(entry);
    return entry;
  }

  /** The session's own retention, or the deployment's time to live. */
  private long ttlMs(SessionEntry entry) {
    return entry.info.retentionSecondsOr(limits.ttl().toSeconds()) * 1000;
  }

  @Override
  public void createSession(SessionInfo session) {
    SessionEntry entry = new SessionEntry(session);
    entry.expiresAt = now() + ttlMs(entry);
    sessions.put(session.sessionId(), entry);
  }

  @Override
  public Optional<SessionInfo> findSession(String sessionId) {
    return live(sessionId).map(e -> e.info);
  }

  @Override
  public void saveLifeCycle(SessionInfo session) {
    SessionEntry entry = writable(session.sessionId());
    synchronized (entry) {
      entry.info = entry.info.mergedWith(session);
    }
  }

  @Override
  public List<SessionInfo> sessions() {
    List<SessionInfo> result = new ArrayList<>();
    for (String id : List.copyOf(sessions.keySet())) {
      live(id).ifPresent(e -> result.add(e.info));
    }
    result.sort(Comparator.comparingLong(SessionInfo::createdAt).reversed());
    return result;
  }

  @Override
  public void deleteSession(String sessionId) {
    sessions.remove(sessionId);
    sampler.forgetSession(sessionId + "/");
  }

  @Override
  public void deleteStudent(String sessionId, String studentId) {
    live(sessionId)
        .ifPresent(
            e -> {
              synchronized (e) {
                e.students.remove(studentId);
                e.states.remove(studentId);
                e.history.remove(studentId);
                e.alerts.values().removeIf(a -> a.studentId().equals(studentId));
                e.notes.values().removeIf(n -> n.studentId().equals(studentId));
                e.joinedAt.remove(studentId);
                e.roster = e.roster == null ? null : e.roster.without(studentId);
              }
            });
    sampler.forget(sessionId + "/" + studentId);
  }

  @Override
  public void addStudent(String sessionId, String studentId, String name) {
    SessionEntry entry = writable(sessionId);
    synchronized (entry) {
      entry.students.put(studentId, name);
      entry.joinedAt.putIfAbsent(studentId, now());
      StudentState current = entry.states.get(studentId);
      entry.states.put(
          studentId,
          current == null
              ? StudentState.joined(sessionId, studentId, name, now())
              : renamed(current, name));
    }
  }

  @Override
  public boolean addStudentIfAbsent(String sessionId, String studentId, String name) {
    SessionEntry entry = writable(sessionId);
    synchronized (entry) {
      if (entry.states.containsKey(studentId)) {
        return false;
      }
      entry.students.put(studentId, name);
      entry.states.put(studentId, StudentState.joined(sessionId, studentId, name, now()));
      entry.joinedAt.putIfAbsent(studentId, now());
      return true;
    }
  }

  private static StudentState renamed(StudentState s, String name) {
    return new StudentState(
        s.sessionId(),
        s.studentId(),
        name,
        s.status(),
        s.confusion(),
        s.engagement(),
        s.indicators(),
        s.faces(),
        s.lastFrameAt(),
        s.updatedAt());
  }

  @Override
  public void addTeacher(String sessionId, String teacher) {
    SessionEntry entry = writable(sessionId);
    synchronized (entry) {
      entry.teachers.add(teacher);
    }
  }

  @Override
  public void removeTeacher(String sessionId, String teacher) {
    live(sessionId)
        .ifPresent(
            e -> {
              synchronized (e) {
                e.teachers.remove(teacher);
              }
            });
  }

  @Override
  public void appendAudit(String sessionId, AuditEntry entry) {
    SessionEntry e = writable(sessionId);
    synchronized (e) {
      e.audit.add(entry);
    }
  }

  @Override
  public List<AuditEntry> audit(String sessionId) {
    return read(sessionId, e -> List.copyOf(e.audit), List.of());
  }

  @Override
  public Set<String> teachers(String sessionId) {
    return read(sessionId, e -> Set.copyOf(e.teachers), Set.of());
  }

  @Override
  public void saveStudentState(StudentState state) {
    SessionEntry entry = writable(state.sessionId());
    boolean due = sampler.isDue(state.sessionId() + "/" + state.studentId(), state.lastFrameAt());
    synchronized (entry) {
      entry.students.putIfAbsent(state.studentId(), state.name());
      entry.states.put(state.studentId(), state);
      if (due) {
        Deque<HistoryPoint> points =
            entry.history.computeIfAbsent(state.studentId(), k -> new ArrayDeque<>());
        points.addLast(
            new HistoryPoint(
                state.lastFrameAt(), state.confusion(), state.engagement(), state.status()));
        while (points.size() > limits.historyMaxPoints()) {
          points.removeFirst();
        }
      }
    }
  }

  @Override
  public Optional<StudentState> studentState(String sessionId, String studentId) {
    return live(sessionId)
        .map(
            e -> {
              synchronized (e) {
                return e.states.get(studentId);
              }
            });
  }

  @Override
  public List<StudentState> studentStates(String sessionId) {
    return read(sessionId, e -> List.copyOf(e.states.values()), List.of());
  }

  @Override
  public List<HistoryPoint> history(String sessionId, String studentId, long from, long to) {
    return read(
        sessionId,
        e ->
            e.history.getOrDefault(studentId, new ArrayDeque<>()).stream()
                .filter(p -> p.timestamp() >= from && p.timestamp() <= to)
                .sorted(Comparator.comparingLong(HistoryPoint::timestamp))
                .toList(),
        List.of());
  }

  @Override
  public void saveAlert(Alert alert) {
    SessionEntry entry = writable(alert.sessionId());
    synchronized (entry) {
      entry.alerts.put(alert.alertId(), alert);
    }
  }

  @Override
  public void saveRoster(String sessionId, Roster roster) {
    SessionEntry entry = writable(sessionId);
    synchronized (entry) {
      entry.roster = roster;
    }
  }

  @Override
  public Optional<Roster> roster(String sessionId) {
    return read(sessionId, e -> Optional.ofNullable(e.roster), Optional.empty());
  }

  @Override
  public Map<String, Long> joinTimes(String sessionId) {
    return read(sessionId, e -> Map.copyOf(e.joinedAt), Map.of());
  }

  @Override
  public void addNote(TeacherNote note) {
    SessionEntry entry = writable(note.sessionId());
    synchronized (entry) {
      entry.notes.putIfAbsent(note.noteId(), note);
    }
  }

  @Override
  public List<TeacherNote> notes(String sessionId) {
    return read(
        sessionId,
        e -> e.notes.values().stream().sorted(Comparator.comparingLong(TeacherNote::at)).toList(),
        List.of());
  }

  @Override
  public List<Alert> alerts(String sessionId) {
    return read(sessionId, e -> List.copyOf(e.alerts.values()), List.of());
  }

  @Override
  public int studentCount(String sessionId) {
    return read(sessionId, e -> e.states.size(), 0);
  }

  @Override
  public Optional<Alert> openAlert(String sessionId, String studentId, AlertType type) {
    return read(
        sessionId,
        e -> {
          Alert newest = null;
          for (Alert a : e.alerts.values()) {
            if (a.isOpen() && a.type() == type && a.studentId().equals(studentId)) {
              newest = a;
            }
          }
          return Optional.ofNullable(newest).map(a -> a.withScreenshot(null));
        },
        Optional.empty());
  }

  @Override
  public Alert repeatAlert(Alert open, long timestamp) {
    SessionEntry entry = writable(open.sessionId());
    synchronized (entry) {
      Alert stored = entry.alerts.getOrDefault(open.alertId(), open);
      Alert repeated = stored.repeated(stored.count() + 1, timestamp);
      entry.alerts.put(open.alertId(), repeated);
      return repeated.withScreenshot(null);
    }
  }

  @Override
  public AlertCounts alertCounts(String sessionId, String studentId) {
    return read(
        sessionId,
        e -> {
          int session = 0;
          int student = 0;
          int sessionShots = 0;
          int studentShots = 0;
          for (Alert a : e.alerts.values()) {
            boolean theirs = a.studentId().equals(studentId);
            boolean shot = a.screenshot() != null;
            session++;
            student += theirs ? 1 : 0;
            sessionShots += shot ? 1 : 0;
            studentShots += theirs && shot ? 1 : 0;
          }
          return new AlertCounts(session, student, sessionShots, studentShots);
        },
        AlertCounts.NONE);
  }

  @Override
  public Optional<Alert> acknowledge(
      String sessionId, String alertId, Acknowledgement acknowledgement) {
    Optional<SessionEntry> live = live(sessionId);
    if (live.isEmpty()) {
      return Optional.empty();
    }
    SessionEntry entry = writable(sessionId);
    synchronized (entry) {
      Alert alert = entry.alerts.get(alertId);
      if (alert == null) {
        return Optional.empty();
      }
      Alert acknowledged = alert.acknowledged(acknowledgement);
      entry.alerts.put(alertId, acknowledged);
      return Optional.of(acknowledged);
    }
  }
}
