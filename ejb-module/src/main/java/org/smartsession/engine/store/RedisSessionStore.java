package org.smartsession.engine.store;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.alerts.Acknowledgement;
import org.smartsession.model.alerts.Alert;
import org.smartsession.model.alerts.AlertCounts;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.session.AuditEntry;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;
import org.smartsession.model.session.StudentStatus;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ZRangeParams;

/**
 * Keeps sessions in Redis, so that several servers share them and a restarted server resumes them.
 * Writes of one operation go in one pipeline; every key gets the time to live again when written.
 */
public class RedisSessionStore implements SessionStore, AutoCloseable {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final String NONE = "";
  private static final Type INDICATORS =
      new HashMap<String, Double>() {}.getClass().getGenericSuperclass();

  private final RedisClient redis;
  private final StoreLimits limits;
  private final long ttlSeconds;
  private final HistorySampler sampler;

  private final Clock clock;

  public RedisSessionStore(RedisClient redis, StoreLimits limits, Clock clock) {
    this.redis = redis;
    this.clock = clock;
    this.limits = limits;
    this.ttlSeconds = limits.ttl().toSeconds();
    this.sampler = new HistorySampler(limits.historyIntervalMs(), limits.ttl().toMillis());
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
      p.hset(
          key,
          Map.of(
              "name", session.name(),
              "kind", session.kind().name(),
              "owner", session.owner() == null ? NONE : session.owner(),
              "createdAt", Long.toString(session.createdAt()),
              "requireStudentLogin", Boolean.toString(session.requireStudentLogin())));
      p.expire(key, ttlSeconds);
      p.zadd(RedisKeys.SESSIONS, session.createdAt(), session.sessionId());
      p.sync();
    }
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
            Boolean.parseBoolean(hash.get("requireStudentLogin"))));
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
  public void addStudent(String sessionId, String studentId, String name) {
    String students = RedisKeys.students(sessionId);
    String student = RedisKeys.student(sessionId, studentId);
    long now = clock.millis();
    try (AbstractPipeline p = redis.pipelined()) {
      p.sadd(students, studentId);
      p.expire(students, ttlSeconds);
      p.hset(student, "name", name == null ? NONE : name);
      // A new student starts as JOINED; a returning one keeps the state they had.
      p.hsetnx(student, "status", StudentStatus.JOINED.name());
      p.hsetnx(student, "updatedAt", Long.toString(now));
      p.expire(student, ttlSeconds);
      refreshSession(p, sessionId);
      p.sync();
    }
  }

  @Override
  public boolean addStudentIfAbsent(String sessionId, String studentId, String name) {
    String student = RedisKeys.student(sessionId, studentId);
    // The status field is what makes a student known (studentState): whoever sets it first wins.
    if (redis.hsetnx(student, "status", StudentStatus.JOINED.name()) == 0) {
      return false;
    }
    String students = RedisKeys.students(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      p.sadd(students, studentId);
      p.expire(students, ttlSeconds);
      p.hset(student, "name", name == null ? NONE : name);
      p.hset(student, "updatedAt", Long.toString(clock.millis()));
      p.expire(student, ttlSeconds);
      refreshSession(p, sessionId);
      p.sync();
    }
    return true;
  }

  private void refreshSession(AbstractPipeline p, String sessionId) {
    p.expire(RedisKeys.info(sessionId), ttlSeconds);
  }

  @Override
  public void addTeacher(String sessionId, String teacher) {
    String key = RedisKeys.teachers(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      p.sadd(key, teacher);
      p.expire(key, ttlSeconds);
      p.sync();
    }
  }

  @Override
  public void removeTeacher(String sessionId, String teacher) {
    redis.srem(RedisKeys.teachers(sessionId), teacher);
  }

  @Override
  public void appendAudit(String sessionId, AuditEntry entry) {
    append(RedisKeys.audit(sessionId), JSON.toJson(entry));
  }

  /** Appends to a list of JSON entries and renews its time to live, in one round trip. */
  private void append(String key, String json) {
    try (AbstractPipeline p = redis.pipelined()) {
      p.rpush(key, json);
      p.expire(key, ttlSeconds);
      p.sync();
    }
  }

  @Override
  public List<AuditEntry> audit(String sessionId) {
    return redis.lrange(RedisKeys.audit(sessionId), 0, -1).stream()
        .map(json -> JSON.fromJson(json, AuditEntry.class))
        .toList();
  }

  @Override
  public Set<String> teachers(String sessionId) {
    return Set.copyOf(redis.smembers(RedisKeys.teachers(sessionId)));
  }

  @Override
  public void saveStudentState(StudentState s) {
    String key = RedisKeys.student(s.sessionId(), s.studentId());
    Map<String, String> hash = new HashMap<>();
    hash.put("name", s.name() == null ? NONE : s.name());
    hash.put("status", s.status().name());
    hash.put("confusion", number(s.confusion()));
    hash.put("engagement", number(s.engagement()));
    hash.put("indicators", JSON.toJson(s.indicators()));
    hash.put("faces", Integer.toString(s.faces()));
    hash.put("lastFrameAt", Long.toString(s.lastFrameAt()));
    hash.put("updatedAt", Long.toString(s.updatedAt()));
    boolean due = sampler.isDue(s.sessionId() + "/" + s.studentId(), s.lastFrameAt());
    try (AbstractPipeline p = redis.pipelined()) {
      p.hset(key, hash);
      p.expire(key, ttlSeconds);
      p.sadd(RedisKeys.students(s.sessionId()), s.studentId());
      if (due) {
        String history = RedisKeys.history(s.sessionId(), s.studentId());
        p.zadd(history, s.lastFrameAt(), historyMember(s));
        // Keep the newest points only.
        p.zremrangeByRank(history, 0, -(limits.historyMaxPoints() + 1L));
        p.expire(history, ttlSeconds);
      }
      p.sync();
    }
  }

  private static String historyMember(StudentState s) {
    return s.lastFrameAt()
        + "|"
        + number(s.confusion())
        + "|"
        + number(s.engagement())
        + "|"
        + s.status().name();
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
    String sessionId = alert.sessionId();
    String alerts = RedisKeys.alerts(sessionId);
    String open = RedisKeys.openAlerts(sessionId);
    String counts = RedisKeys.alertCounts(sessionId);
    try (AbstractPipeline p = redis.pipelined()) {
      p.rpush(alerts, JSON.toJson(alert));
      p.expire(alerts, ttlSeconds);
      p.hset(
          open,
          openField(alert.studentId(), alert.type()),
          JSON.toJson(alert.withScreenshot(null)));
      p.expire(open, ttlSeconds);
      p.hincrBy(counts, "alerts", 1);
      p.hincrBy(counts, "alerts:" + alert.studentId(), 1);
      if (alert.screenshot() != null) {
        p.hincrBy(counts, "screenshots", 1);
        p.hincrBy(counts, "screenshots:" + alert.studentId(), 1);
      }
      p.expire(counts, ttlSeconds);
      p.sync();
    }
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
    String key = RedisKeys.alertRepeats(open.sessionId());
    Response<Long> again;
    try (AbstractPipeline p = redis.pipelined()) {
      again = p.hincrBy(key, open.alertId(), 1);
      p.hset(key, open.alertId() + "@last", Long.toString(timestamp));
      p.expire(key, ttlSeconds);
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
    String key = RedisKeys.acknowledgements(sessionId);
    String open = RedisKeys.openAlerts(sessionId);
    String field = openField(alert.get().studentId(), alert.get().type());
    String current = redis.hget(open, field);
    try (AbstractPipeline p = redis.pipelined()) {
      p.hset(key, alertId, JSON.toJson(acknowledgement));
      p.expire(key, ttlSeconds);
      if (current != null && JSON.fromJson(current, Alert.class).alertId().equals(alertId)) {
        p.hdel(open, field);
      }
      p.sync();
    }
    return Optional.of(alert.get().acknowledged(acknowledgement));
  }

  @Override
  public void close() {
    redis.close();
  }
}
