package org.smartsession.engine.store;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.Roster;
import org.smartsession.model.session.RosterEntry;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;
import org.smartsession.model.session.TeacherNote;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZRangeParams;

/**
 * Keeps sessions in Redis, so that several servers share them and a restarted server resumes them.
 * Writes of one operation go in one pipeline. A session lives, with every key it has, as long as
 * any part of it is written, for its own retention or the deployment's time to live: a write renews
 * the key it writes, and at most once a minute the whole session (which also proves the session
 * exists, so that writes for an unknown or expired session leave no keys behind). Alerts are
 * written by a script that adds each alert once, so that writing a server's copy again after an
 * outage duplicates nothing.
 */
public class RedisSessionStore implements SessionStore, AutoCloseable {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final String NONE = "";
  private static final String OPENS_AT = "opensAt";
  private static final String RETENTION = "retentionSeconds";
  private static final String JOINED_AT = "joinedAt";
  private static final String ENDED_AT = "endedAt";
  private static final Type INDICATORS =
      new HashMap<String, Double>() {}.getClass().getGenericSuperclass();

  /**
   * Adds an alert unless its id is kept already, counts it, and marks it the student's open alert
   * of its type; then records its acknowledgement and repeats, if it has any. KEYS: alert ids,
   * alerts, open alerts, counts, acknowledgements, repeats. ARGV: id, JSON, open field, JSON
   * without screenshot, student id, "1" if it has a screenshot, acknowledgement JSON or "", repeats
   * beyond the first, last time, time to live.
   */
  private static final String SAVE_ALERT =
      """
      if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
        redis.call('RPUSH', KEYS[2], ARGV[2])
        redis.call('HINCRBY', KEYS[4], 'alerts', 1)
        redis.call('HINCRBY', KEYS[4], 'alerts:' .. ARGV[5], 1)
        if ARGV[6] == '1' then
          redis.call('HINCRBY', KEYS[4], 'screenshots', 1)
          redis.call('HINCRBY', KEYS[4], 'screenshots:' .. ARGV[5], 1)
        end
        if ARGV[7] == '' then redis.call('HSET', KEYS[3], ARGV[3], ARGV[4]) end
      end
      if ARGV[7] ~= '' then
        redis.call('HSET', KEYS[5], ARGV[1], ARGV[7])
        local open = redis.call('HGET', KEYS[3], ARGV[3])
        if open and string.find(open, ARGV[1], 1, true) then redis.call('HDEL', KEYS[3], ARGV[3]) end
      end
      local again = tonumber(ARGV[8])
      if again > 0 and (tonumber(redis.call('HGET', KEYS[6], ARGV[1])) or 0) < again then
        redis.call('HSET', KEYS[6], ARGV[1], ARGV[8], ARGV[1] .. '@last', ARGV[9])
      end
      for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[10]) end
      return 1
      """;

  /**
   * Writes a student's state unless Redis has a newer one (another server took the student over).
   * KEYS: the student's hash, the session's students. ARGV: student id, updatedAt, time to live,
   * then field and value pairs.
   */
  private static final String RESTORE_STATE =
      """
      local stored = tonumber(redis.call('HGET', KEYS[1], 'updatedAt'))
      if stored == nil or stored <= tonumber(ARGV[2]) then
        redis.call('HSET', KEYS[1], unpack(ARGV, 4))
      end
      redis.call('SADD', KEYS[2], ARGV[1])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      redis.call('EXPIRE', KEYS[2], ARGV[3])
      return 1
      """;

  /**
   * Takes one student's alerts out of the session's list and forgets their ids, decisions, repeats
   * and open marks, keeping the list's time to live. KEYS: alerts, alert ids, acknowledgements,
   * repeats, open alerts, counts. ARGV: the student id.
   */
  private static final String DELETE_STUDENT_ALERTS =
      """
      local ttl = redis.call('PTTL', KEYS[1])
      local kept, removed, shots = {}, {}, 0
      for _, json in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
        local alert = cjson.decode(json)
        if alert.studentId == ARGV[1] then
          table.insert(removed, alert.alertId)
          if alert.screenshot and alert.screenshot ~= cjson.null then shots = shots + 1 end
        else
          table.insert(kept, json)
        end
      end
      if #removed == 0 then return 0 end
      redis.call('DEL', KEYS[1])
      for i = 1, #kept do redis.call('RPUSH', KEYS[1], kept[i]) end
      if #kept > 0 and ttl > 0 then redis.call('PEXPIRE', KEYS[1], ttl) end
      for _, id in ipairs(removed) do
        redis.call('SREM', KEYS[2], id)
        redis.call('HDEL', KEYS[3], id)
        redis.call('HDEL', KEYS[4], id, id .. '@last')
      end
      for _, field in ipairs(redis.call('HKEYS', KEYS[5])) do
        if string.sub(field, 1, #ARGV[1] + 1) == ARGV[1] .. ' ' then redis.call('HDEL', KEYS[5], field) end
      end
      redis.call('HINCRBY', KEYS[6], 'alerts', -#removed)
      redis.call('HINCRBY', KEYS[6], 'screenshots', -shots)
      redis.call('HDEL', KEYS[6], 'alerts:' .. ARGV[1], 'screenshots:' .. ARGV[1])
      return #removed
      """;

  private final UnifiedJedis redis;
  private final StoreLimits limits;

  /** The deployment's time to live, for sessions without a retention of their own. */
  private final long defaultTtlSeconds;

  private final HistorySampler sampler;
  private final Clock clock;

  /** Session id → its time to live in seconds, as its info says; set once, at its creation. */
  private final ConcurrentHashMap<String, Long> ttlOf = new ConcurrentHashMap<>();

  /** Session id → when its keys were last renewed (and it was seen to exist). */
  private final ConcurrentHashMap<String, Long> renewedAt = new ConcurrentHashMap<>();

  public RedisSessionStore(UnifiedJedis redis, StoreLimits limits, Clock clock) {
    this.redis = redis;
    this.clock = clock;
    this.limits = limits;
    this.defaultTtlSeconds = limits.ttl().toSeconds();
    this.sampler = new HistorySampler(limits.historyIntervalMs(), limits.ttl().toMillis());
  }

  /** The session's time to live in seconds: its own retention, or the deployment's. */
  private long ttl(String sessionId) {
    Long known = ttlOf.get(sessionId);
    if (known != null) {
      return known;
    }
    List<String> fields = redis.hmget(RedisKeys.info(sessionId), "createdAt", RETENTION);
    if (fields.get(0) == null) {
      return defaultTtlSeconds; // no such session (yet): nothing to remember
    }
    long ttl = fields.get(1) == null ? defaultTtlSeconds : Long.parseLong(fields.get(1));
    ttlOf.put(sessionId, ttl);
    return ttl;
  }

  /**
   * Renews every key of the session, at most once a minute (a tenth of its time to live, if
   * shorter): often enough that nothing expires while written, rarely enough to cost nothing per
   * frame.
   *
   * @throws IllegalArgumentException when Redis has no such session (none, or expired)
   */
  private void requireSession(String sessionId) {
    long now = clock.millis();
    long ttl = ttl(sessionId);
    long renewEveryMs = Math.max(1_000, Math.min(60_000, ttl * 1000 / 10));
    Long renewed = renewedAt.get(sessionId);
    if (renewed != null && now - renewed < renewEveryMs) {
      return;
    }
    if (redis.expire(RedisKeys.info(sessionId), ttl) == 0) {
      renewedAt.remove(sessionId);
      ttlOf.remove(sessionId);
      sampler.forgetSession(sessionId + "/");
      throw new IllegalArgumentException("no session " + sessionId);
    }
    Set<String> students = redis.smembers(RedisKeys.students(sessionId));
    try (AbstractPipeline p = redis.pipelined()) {
      for (String key : RedisKeys.sessionWide(sessionId)) {
        p.expire(key, ttl);
      }
      for (String studentId : students) {
        for (String key : RedisKeys.ofStudent(sessionId, studentId)) {
          p.expire(key, ttl);
        }
      }
      p.sync();
    }
    renewedAt.put(sessionId, now);
  }

  /**
   * The value of Redis's epoch: {@code candidate} if it had none (it is then set), else the one it
   * has. A value other than a server last saw means Redis lost what it held.
   */
  String epoch(String candidate) {
    redis.setnx(RedisKeys.EPOCH, candidate);
    String current = redis.get(RedisKeys.EPOCH);
    return current == null ? candidate : current;
  }

  /** A fresh candidate for {@link #epoch}. */
  static String newEpoch() {
    return UUID.randomUUID().toString();
  }

  /** Forgets which sessions were seen to exist: after Redis lost its data they may not. */
  void forgetRenewals() {
    renewedAt.clear();
    ttlOf.clear();
  }

  @Override
  public void checkAvailable() {
    redis.ping();
  }

  @Override
  public String kind() {
    return "redis";
  }

  @Override
  public void createSession(SessionInfo session) {
    String key = RedisKeys.info(session.sessionId());
    try (AbstractPipeline p = redis.pipelined()) {
      Map<String, String> fields = new HashMap<>();
      fields.put("name", session.name());
      fields.put("kind", session.kind().name());
      fields.put("owner", session.owner() == null ? NONE : session.owner());
      fields.put("createdAt", Long.toString(session.createdAt()));
      fields.put("requireStudentLogin", Boolean.toString(session.requireStudentLogin()));
      if (session.opensAt() != null) {
        fields.put(OPENS_AT, Long.toString(session.opensAt()));
      }
      if (session.endedAt() != null) {
        fields.put(ENDED_AT, Long.toString(session.endedAt()));
      }
      if (session.retentionSeconds() != null) {
        fields.put(RETENTION, Long.toString(session.retentionSeconds()));
      }
      ttlOf.put(session.sessionId(), session.retentionSecondsOr(defaultTtlSeconds));
      p.hset(key, fields);
      p.expire(key, ttl(session.sessionId()));
      p.zadd(RedisKeys.SESSIONS, session.createdAt(), session.sessionId());
      p.sync();
    }
    renewedAt.put(session.sessionId(), clock.millis());
  }

  @Override
  public Optional<SessionInfo> findSession(String sessionId) {
    return toSession(sessionId, redis.hgetAll(RedisKeys.info(sessionId)));
  }

  private static Optional<SessionInfo> toSession(String sessionId, Map<String, String> hash) {
    if (hash == null || hash.isEmpty()) {
      return Optional.empty();
    }
    String owner = hash.getOrDefault("owner", NONE);
    return Optional.of(
        new SessionInfo(
            sessionId,
            hash.get("name"),
            SessionKind.valueOf(hash.get("kind")),
            owner.isEmpty() ? null : owner,
            Long.parseLong(hash.get("createdAt")),
            Boolean.parseBoolean(hash.get("requireStudentLogin")),
            optionalLong(hash.get(OPENS_AT)),
            optionalLong(hash.get(ENDED_AT)),
            optionalLong(hash.get(RETENTION))));
  }

  private static Long optionalLong(String value) {
    return value == null ? null : Long.valueOf(value);
  }

  @Override
  public void saveLifeCycle(SessionInfo session) {
    SessionInfo kept =
        findSession(session.sessionId())
            .orElseThrow(() -> new IllegalArgumentException("no session " + session.sessionId()));
    SessionInfo merged = kept.mergedWith(session);
    String key = RedisKeys.info(session.sessionId());
    try (AbstractPipeline p = redis.pipelined()) {
      if (merged.opensAt() == null) {
        p.hdel(key, OPENS_AT);
      } else {
        p.hset(key, OPENS_AT, Long.toString(merged.opensAt()));
      }
      if (merged.endedAt() != null) {
        // Not overwritten: the first end another server recorded stays.
        p.hsetnx(key, ENDED_AT, Long.toString(merged.endedAt()));
      }
      p.sync();
    }
  }

  @Override
  public List<SessionInfo> sessions() {
    List<String> ids = redis.zrange(RedisKeys.SESSIONS, ZRangeParams.zrangeParams(0, -1).rev());
    List<Response<Map<String, String>>> infos = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (String id : ids) {
        infos.add(p.hgetAll(RedisKeys.info(id)));
      }
      p.sync();
    }
    List<SessionInfo> result = new ArrayList<>();
    List<String> expired = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      toSession(id, infos.get(i).get()).ifPresentOrElse(result::add, () -> expired.add(id));
    }
    if (!expired.isEmpty()) {
      redis.zrem(RedisKeys.SESSIONS, expired.toArray(String[]::new));
    }
    return result;
  }

  @Override
  public void deleteSession(String sessionId) {
    List<String> keys = new ArrayList<>(List.of(RedisKeys.sessionWide(sessionId)));
    for (String studentId : redis.smembers(RedisKeys.students(sessionId))) {
      keys.addAll(List.of(RedisKeys.ofStudent(sessionId, studentId)));
    }
    try (AbstractPipeline p = redis.pipelined()) {
      p.del(keys.toArray(String[]::new));
      p.zrem(RedisKeys.SESSIONS, sessionId);
      p.sync();
    }
    renewedAt.remove(sessionId);
    ttlOf.remove(sessionId);
    sampler.forgetSession(sessionId + "/");
  }

  @Override
  public void deleteStudent(String sessionId, String studentId) {
    redis.eval(
        DELETE_STUDENT_ALERTS,
        List.of(
            RedisKeys.alerts(sessionId),
            RedisKeys.alertIds(sessionId),
            RedisKeys.acknowledgements(sessionId),
            RedisKeys.alertRepeats(sessionId),
            RedisKeys.openAlerts(sessionId),
            RedisKeys.alertCounts(sessionId)),
        List.of(studentId));
    try (AbstractPipeline p = redis.pipelined()) {
      p.srem(RedisKeys.students(sessionId), studentId);
      p.hdel(RedisKeys.roster(sessionId), studentId);
      p.del(RedisKeys.ofStudent(sessionId, studentId));
      p.sync();
    }
    sampler.forget(sessionId + "/" + studentId);
  }

  @Override
  public void addStudent(String sessionId, String studentId, String name) {
    requireSession(sessionId);
    String students = RedisKeys.students(sessionId);
    String student = RedisKeys.student(sessionId, studentId);
    long now = clock.millis();
    try (AbstractPipeline p = redis.pipelined()) {
      p.sadd(students, studentId);
      p.expire(students, ttl(sessionId));
      p.hset(student, "name", name == null ? NONE : name);
      // A new student starts as JOINED; a returning one keeps the state they had.
      p.hsetnx(student, "status", StudentStatus.JOINED.name());
      p.hsetnx(student, "updatedAt", Long.toString(now));
      p.hsetnx(student, JOINED_AT, Long.toString(now));
      p.expire(student, ttl(sessionId));
      p.sync();
    }
  }

  @Override
  public boolean addStudentIfAbsent(String sessionId, String studentId, String name) {
    requireSession(sessionId);
    String student = RedisKeys.student(sessionId, studentId);
    // The status field is what makes a student known (studentState): whoever sets it first wins.
    if (redis.hsetnx(student, "status", StudentStatus.JOINED.name()) == 0) {
      return false;
    }
    String students = RedisKeys.students(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      p.sadd(students, studentId);
      p.expire(students, ttl(sessionId));
      p.hset(student, "name", name == null ? NONE : name);
      long now = clock.millis();
      p.hset(student, "updatedAt", Long.toString(now));
      p.hsetnx(student, JOINED_AT, Long.toString(now));
      p.expire(student, ttl(sessionId));
      p.sync();
    }
    return true;
  }

  @Override
  public void addTeacher(String sessionId, String teacher) {
    requireSession(sessionId);
    String key = RedisKeys.teachers(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      p.sadd(key, teacher);
      p.expire(key, ttl(sessionId));
      p.sync();
    }
  }

  @Override
  public void removeTeacher(String sessionId, String teacher) {
    redis.srem(RedisKeys.teachers(sessionId), teacher);
  }

  @Override
  public void appendAudit(String sessionId, AuditEntry entry) {
    requireSession(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      appendAudit(p, sessionId, entry);
      p.sync();
    }
  }

  /** The same entry written twice is kept once. */
  private void appendAudit(AbstractPipeline p, String sessionId, AuditEntry entry) {
    String key = RedisKeys.audit(sessionId);
    p.zadd(key, entry.at(), JSON.toJson(entry));
    p.expire(key, ttl(sessionId));
  }

  @Override
  public List<AuditEntry> audit(String sessionId) {
    return redis.zrange(RedisKeys.audit(sessionId), 0, -1).stream()
        .map(json -> JSON.fromJson(json, AuditEntry.class))
        .toList();
  }

  @Override
  public void saveRoster(String sessionId, Roster roster) {
    requireSession(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      writeRoster(p, sessionId, roster, true);
      p.sync();
    }
  }

  /** The roster; with {@code replace}, instead of what is kept, else only where none is. */
  private void writeRoster(AbstractPipeline p, String sessionId, Roster roster, boolean replace) {
    String key = RedisKeys.roster(sessionId);
    Map<String, String> fields = new HashMap<>();
    roster.students().forEach(e -> fields.put(e.studentId(), e.name()));
    fields.put(RedisKeys.OTHERS_ALLOWED, Boolean.toString(roster.othersAllowed()));
    if (replace) {
      p.del(key);
      p.hset(key, fields);
    } else {
      fields.forEach((field, value) -> p.hsetnx(key, field, value));
    }
    p.expire(key, ttl(sessionId));
  }

  @Override
  public Optional<Roster> roster(String sessionId) {
    Map<String, String> hash = redis.hgetAll(RedisKeys.roster(sessionId));
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    List<RosterEntry> students = new ArrayList<>();
    hash.forEach(
        (field, value) -> {
          if (!field.equals(RedisKeys.OTHERS_ALLOWED)) {
            students.add(new RosterEntry(field, value));
          }
        });
    return Optional.of(
        new Roster(students, Boolean.parseBoolean(hash.get(RedisKeys.OTHERS_ALLOWED))));
  }

  @Override
  public Map<String, Long> joinTimes(String sessionId) {
    Map<String, Response<String>> perStudent = new HashMap<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (String studentId : redis.smembers(RedisKeys.students(sessionId))) {
        perStudent.put(studentId, p.hget(RedisKeys.student(sessionId, studentId), JOINED_AT));
      }
      p.sync();
    }
    Map<String, Long> times = new HashMap<>();
    perStudent.forEach(
        (studentId, at) -> {
          if (at.get() != null) {
            times.put(studentId, Long.parseLong(at.get()));
          }
        });
    return times;
  }

  @Override
  public void addNote(TeacherNote note) {
    requireSession(note.sessionId());
    try (AbstractPipeline p = redis.pipelined()) {
      addNote(p, note);
      p.sync();
    }
  }

  /** The same note written twice is kept once. */
  private void addNote(AbstractPipeline p, TeacherNote note) {
    String key = RedisKeys.notes(note.sessionId(), note.studentId());
    p.zadd(key, note.at(), JSON.toJson(note));
    p.expire(key, ttl(note.sessionId()));
  }

  @Override
  public List<TeacherNote> notes(String sessionId) {
    List<Response<List<String>>> perStudent = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (String studentId : redis.smembers(RedisKeys.students(sessionId))) {
        perStudent.add(p.zrange(RedisKeys.notes(sessionId, studentId), 0, -1));
      }
      p.sync();
    }
    return perStudent.stream()
        .flatMap(r -> r.get().stream())
        .map(json -> JSON.fromJson(json, TeacherNote.class))
        .sorted(Comparator.comparingLong(TeacherNote::at))
        .toList();
  }

  @Override
  public Set<String> teachers(String sessionId) {
    return Set.copyOf(redis.smembers(RedisKeys.teachers(sessionId)));
  }

  @Override
  public void saveStudentState(StudentState s) {
    requireSession(s.sessionId());
    String key = RedisKeys.student(s.sessionId(), s.studentId());
    Map<String, String> hash = stateHash(s);
    boolean due = sampler.isDue(s.sessionId() + "/" + s.studentId(), s.lastFrameAt());
    try (AbstractPipeline p = redis.pipelined()) {
      p.hset(key, hash);
      p.expire(key, ttl(s.sessionId()));
      p.sadd(RedisKeys.students(s.sessionId()), s.studentId());
      if (due) {
        addHistory(p, s.sessionId(), s.studentId(), historyMember(s), s.lastFrameAt());
      }
      p.sync();
    }
  }

  private void addHistory(
      AbstractPipeline p, String sessionId, String studentId, String member, long at) {
    String history = RedisKeys.history(sessionId, studentId);
    p.zadd(history, at, member);
    // Keep the newest points only.
    p.zremrangeByRank(history, 0, -(limits.historyMaxPoints() + 1L));
    p.expire(history, ttl(sessionId));
  }

  private static Map<String, String> stateHash(StudentState s) {
    Map<String, String> hash = new HashMap<>();
    hash.put("name", s.name() == null ? NONE : s.name());
    hash.put("status", s.status().name());
    hash.put("confusion", number(s.confusion()));
    hash.put("engagement", number(s.engagement()));
    hash.put("indicators", JSON.toJson(s.indicators()));
    hash.put("faces", Integer.toString(s.faces()));
    hash.put("lastFrameAt", Long.toString(s.lastFrameAt()));
    hash.put("updatedAt", Long.toString(s.updatedAt()));
    return hash;
  }

  private static String historyMember(StudentState s) {
    return historyMember(
        new HistoryPoint(s.lastFrameAt(), s.confusion(), s.engagement(), s.status()));
  }

  private static String historyMember(HistoryPoint point) {
    return point.timestamp()
        + "|"
        + number(point.confusion())
        + "|"
        + number(point.engagement())
        + "|"
        + point.status().name();
  }

  private static String number(Double value) {
    return value == null ? NONE : Double.toString(value);
  }

  private static Double parseNumber(String value) {
    return value == null || value.isEmpty() ? null : Double.valueOf(value);
  }

  @Override
  public Optional<StudentState> studentState(String sessionId, String studentId) {
    return toState(sessionId, studentId, redis.hgetAll(RedisKeys.student(sessionId, studentId)));
  }

  private static Optional<StudentState> toState(
      String sessionId, String studentId, Map<String, String> h) {
    if (h == null || !h.containsKey("status")) {
      return Optional.empty();
    }
    String indicators = h.get("indicators");
    Map<String, Double> parsed =
        indicators == null || indicators.isEmpty()
            ? Map.of()
            : JSON.fromJson(indicators, INDICATORS);
    return Optional.of(
        new StudentState(
            sessionId,
            studentId,
            h.getOrDefault("name", NONE),
            StudentStatus.valueOf(h.get("status")),
            parseNumber(h.get("confusion")),
            parseNumber(h.get("engagement")),
            parsed,
            Integer.parseInt(h.getOrDefault("faces", "0")),
            Long.parseLong(h.getOrDefault("lastFrameAt", "0")),
            Long.parseLong(h.getOrDefault("updatedAt", "0"))));
  }

  @Override
  public List<StudentState> studentStates(String sessionId) {
    List<String> ids = List.copyOf(redis.smembers(RedisKeys.students(sessionId)));
    List<Response<Map<String, String>>> hashes = new ArrayList<>(ids.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (String id : ids) {
        hashes.add(p.hgetAll(RedisKeys.student(sessionId, id)));
      }
      p.sync();
    }
    List<StudentState> result = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      toState(sessionId, ids.get(i), hashes.get(i).get()).ifPresent(result::add);
    }
    return result;
  }

  @Override
  public List<HistoryPoint> history(String sessionId, String studentId, long from, long to) {
    List<HistoryPoint> points = new ArrayList<>();
    for (String member : redis.zrangeByScore(RedisKeys.history(sessionId, studentId), from, to)) {
      String[] f = member.split("\\|", -1);
      points.add(
          new HistoryPoint(
              Long.parseLong(f[0]),
              parseNumber(f[1]),
              parseNumber(f[2]),
              StudentStatus.valueOf(f[3])));
    }
    return points;
  }

  @Override
  public int studentCount(String sessionId) {
    return Math.toIntExact(redis.scard(RedisKeys.students(sessionId)));
  }

  @Override
  public void saveAlert(Alert alert) {
    requireSession(alert.sessionId());
    writeAlert(alert);
  }

  /** Adds the alert unless kept already; its acknowledgement and repeats, if any, too. */
  private void writeAlert(Alert alert) {
    String id = alert.sessionId();
    redis.eval(
        SAVE_ALERT,
        List.of(
            RedisKeys.alertIds(id),
            RedisKeys.alerts(id),
            RedisKeys.openAlerts(id),
            RedisKeys.alertCounts(id),
            RedisKeys.acknowledgements(id),
            RedisKeys.alertRepeats(id)),
        List.of(
            alert.alertId(),
            JSON.toJson(alert),
            openField(alert.studentId(), alert.type()),
            JSON.toJson(alert.withScreenshot(null)),
            alert.studentId(),
            alert.screenshot() == null ? "0" : "1",
            alert.acknowledgement() == null ? NONE : JSON.toJson(alert.acknowledgement()),
            Integer.toString(alert.count() - 1),
            Long.toString(alert.lastTimestamp()),
            Long.toString(ttl(id))));
  }

  /** Student ids and alert types contain no space. */
  private static String openField(String studentId, AlertType type) {
    return studentId + " " + type.name();
  }

  @Override
  public List<Alert> alerts(String sessionId) {
    Response<List<String>> stored;
    Response<Map<String, String>> acks;
    Response<Map<String, String>> repeats;
    try (AbstractPipeline p = redis.pipelined()) {
      stored = p.lrange(RedisKeys.alerts(sessionId), 0, -1);
      acks = p.hgetAll(RedisKeys.acknowledgements(sessionId));
      repeats = p.hgetAll(RedisKeys.alertRepeats(sessionId));
      p.sync();
    }
    List<Alert> result = new ArrayList<>();
    for (String json : stored.get()) {
      Alert parsed = JSON.fromJson(json, Alert.class);
      String id = parsed.alertId();
      Alert alert = withRepeats(parsed, repeats.get().get(id), repeats.get().get(id + "@last"));
      String ack = acks.get().get(alert.alertId());
      result.add(
          ack == null ? alert : alert.acknowledged(JSON.fromJson(ack, Acknowledgement.class)));
    }
    return result;
  }

  private static Alert withRepeats(Alert alert, String again, String last) {
    if (again == null) {
      return alert;
    }
    return alert.repeated(
        1 + Integer.parseInt(again), last == null ? alert.lastTimestamp() : Long.parseLong(last));
  }

  @Override
  public Optional<Alert> openAlert(String sessionId, String studentId, AlertType type) {
    String json = redis.hget(RedisKeys.openAlerts(sessionId), openField(studentId, type));
    if (json == null) {
      return Optional.empty();
    }
    Alert alert = JSON.fromJson(json, Alert.class);
    Response<Boolean> acknowledged;
    Response<List<String>> repeats;
    try (AbstractPipeline p = redis.pipelined()) {
      acknowledged = p.hexists(RedisKeys.acknowledgements(sessionId), alert.alertId());
      repeats =
          p.hmget(RedisKeys.alertRepeats(sessionId), alert.alertId(), alert.alertId() + "@last");
      p.sync();
    }
    if (acknowledged.get()) {
      return Optional.empty();
    }
    return Optional.of(withRepeats(alert, repeats.get().get(0), repeats.get().get(1)));
  }

  @Override
  public Alert repeatAlert(Alert open, long timestamp) {
    requireSession(open.sessionId());
    String key = RedisKeys.alertRepeats(open.sessionId());
    Response<Long> again;
    try (AbstractPipeline p = redis.pipelined()) {
      again = p.hincrBy(key, open.alertId(), 1);
      p.hset(key, open.alertId() + "@last", Long.toString(timestamp));
      p.expire(key, ttl(open.sessionId()));
      p.sync();
    }
    return open.withScreenshot(null).repeated(1 + Math.toIntExact(again.get()), timestamp);
  }

  @Override
  public AlertCounts alertCounts(String sessionId, String studentId) {
    List<String> c =
        redis.hmget(
            RedisKeys.alertCounts(sessionId),
            "alerts",
            "alerts:" + studentId,
            "screenshots",
            "screenshots:" + studentId);
    return new AlertCounts(count(c.get(0)), count(c.get(1)), count(c.get(2)), count(c.get(3)));
  }

  private static int count(String value) {
    return value == null ? 0 : Integer.parseInt(value);
  }

  @Override
  public Optional<Alert> acknowledge(
      String sessionId, String alertId, Acknowledgement acknowledgement) {
    Optional<Alert> alert =
        alerts(sessionId).stream().filter(a -> a.alertId().equals(alertId)).findFirst();
    if (alert.isEmpty()) {
      return Optional.empty();
    }
    requireSession(sessionId);
    String key = RedisKeys.acknowledgements(sessionId);
    String open = RedisKeys.openAlerts(sessionId);
    String field = openField(alert.get().studentId(), alert.get().type());
    String current = redis.hget(open, field);
    try (AbstractPipeline p = redis.pipelined()) {
      p.hset(key, alertId, JSON.toJson(acknowledgement));
      p.expire(key, ttl(sessionId));
      if (current != null && JSON.fromJson(current, Alert.class).alertId().equals(alertId)) {
        p.hdel(open, field);
      }
      p.sync();
    }
    return Optional.of(alert.get().acknowledged(acknowledgement));
  }

  /**
   * Writes a server's copy of a session again: what Redis lacks is added, a student's state only
   * where Redis has none newer, and what is there already is left as it is.
   */
  void restore(SessionCopy copy) {
    SessionInfo info = copy.info();
    String id = info.sessionId();
    if (findSession(id).isEmpty()) {
      createSession(info);
    } else {
      saveLifeCycle(info);
    }
    renewedAt.remove(id);
    requireSession(id);
    for (StudentState s : copy.states()) {
      List<String> args = new ArrayList<>();
      args.add(s.studentId());
      args.add(Long.toString(s.updatedAt()));
      args.add(Long.toString(ttl(id)));
      stateHash(s)
          .forEach(
              (field, value) -> {
                args.add(field);
                args.add(value);
              });
      redis.eval(
          RESTORE_STATE,
          List.of(RedisKeys.student(id, s.studentId()), RedisKeys.students(id)),
          args);
    }
    try (AbstractPipeline p = redis.pipelined()) {
      for (String teacher : copy.teachers()) {
        p.sadd(RedisKeys.teachers(id), teacher);
      }
      p.expire(RedisKeys.teachers(id), ttl(id));
      copy.history()
          .forEach(
              (studentId, points) ->
                  points.forEach(
                      point ->
                          addHistory(p, id, studentId, historyMember(point), point.timestamp())));
      copy.audit().forEach(entry -> appendAudit(p, id, entry));
      copy.notes().forEach(note -> addNote(p, note));
      if (copy.roster() != null) {
        writeRoster(p, id, copy.roster(), false);
      }
      copy.joinTimes()
          .forEach(
              (studentId, at) -> {
                String key = RedisKeys.student(id, studentId);
                p.hsetnx(key, JOINED_AT, Long.toString(at));
                p.expire(key, ttl(id));
              });
      p.sync();
    }
    copy.alerts().forEach(this::writeAlert);
  }

  @Override
  public void close() {
    redis.close();
  }
}
