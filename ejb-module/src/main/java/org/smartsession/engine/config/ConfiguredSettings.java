package org.smartsession.engine.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.smartsession.model.alerts.AlertCaps;
import org.smartsession.model.scoring.ScoringProperties;
import org.smartsession.model.scoring.ScoringSettings;

/**
 * The deployment's settings, read once from MicroProfile Config (system properties, environment
 * variables such as {@code SMARTSESSION_REDIS_URL}, or any other config source) when the
 * application starts, and offered as one typed object per concern. Each default is stated once, in
 * its record; the README lists every name.
 */
@ApplicationScoped
public class ConfiguredSettings {

  @Inject Config config;

  private FrameLimits frameLimits;
  private FrameQueueSettings frameQueue;
  private StoreLimits storeLimits;
  private RedisSettings redis;
  private VisionSettings vision;
  private AlertSettings alerts;
  private SummarySettings summary;
  private Languages languages;
  private MessageLimits messages;
  private AnalyzeLimits analyze;
  private StudentTokenSettings studentTokens;
  private ScoringSettings scoring;
  private SignInSettings signIn;
  private PublicUrl publicUrl;
  private SessionLimits sessionLimits;
  private JoinLimits joinLimits;
  private TrustedProxies trustedProxies;
  private AllowedOrigins allowedOrigins;
  private FramePace framePace;
  private RosterSettings roster;

  @PostConstruct
  void read() {
    read(name -> config.getOptionalValue(name, String.class).orElse(null));
  }

  /** Reads every setting through {@code lookup}: a setting's text, or null when it is not set. */
  void read(Function<String, String> lookup) {
    SettingsLookup s = new SettingsLookup(lookup);
    FrameLimits f = FrameLimits.DEFAULTS;
    frameLimits =
        new FrameLimits(
            s.integer("smartsession.frames.min-width", f.minWidth()),
            s.integer("smartsession.frames.min-height", f.minHeight()),
            s.integer("smartsession.frames.max-width", f.maxWidth()),
            s.integer("smartsession.frames.max-height", f.maxHeight()));
    FrameQueueSettings q = FrameQueueSettings.DEFAULTS;
    frameQueue =
        new FrameQueueSettings(
            s.integer("smartsession.frames.workers", q.workers()),
            s.integer("smartsession.frames.max-students", q.maxStudents()),
            s.longInteger("smartsession.frames.stale-after-ms", q.staleAfterMs()));
    StoreLimits l = StoreLimits.DEFAULTS;
    Duration ttl =
        Duration.ofSeconds(s.longInteger("smartsession.state.ttl-seconds", l.ttl().toSeconds()));
    long longest = Math.max(l.maxRetention().toHours(), (ttl.toSeconds() + 3599) / 3600);
    storeLimits =
        new StoreLimits(
            ttl,
            s.longInteger("smartsession.state.history-interval-ms", l.historyIntervalMs()),
            s.integer("smartsession.state.history-max-points", l.historyMaxPoints()),
            Duration.ofHours(s.longInteger("smartsession.state.max-retention-hours", longest)));
    RedisSettings r = RedisSettings.DEFAULTS;
    redis =
        new RedisSettings(
            Optional.ofNullable(s.text("smartsession.redis.url", null)),
            Optional.ofNullable(s.text("smartsession.redis.user", null)),
            Optional.ofNullable(s.text("smartsession.redis.password", null)),
            s.integer("smartsession.redis.timeout-ms", r.timeoutMs()),
            s.integer("smartsession.redis.pool-size", r.poolSize()),
            Optional.ofNullable(s.text("smartsession.redis.sentinel.master", null)),
            List.copyOf(s.list("smartsession.redis.sentinel.nodes", Set.of())),
            Optional.ofNullable(s.text("smartsession.redis.sentinel.password", null)),
            Optional.ofNullable(s.text("smartsession.redis.trust-store", null)),
            Optional.ofNullable(s.text("smartsession.redis.trust-store-password", null)));
    VisionSettings v = VisionSettings.DEFAULTS;
    vision =
        new VisionSettings(
            s.bool("smartsession.vision.enabled", v.enabled()),
            s.integer("smartsession.vision.detect-every-frames", v.detectEvery()),
            s.integer("smartsession.vision.tile-scan-every-frames", v.tileScanEvery()),
            s.integer("smartsession.vision.tiles-per-side", v.tilesPerSide()),
            s.integer("smartsession.vision.max-faces", v.maxFaces()),
            s.longInteger(
                "smartsession.vision.search-at-least-every-ms", v.searchAtLeastEveryMs()));
    AlertCaps c = AlertSettings.DEFAULTS.caps();
    alerts =
        new AlertSettings(
            s.bool("smartsession.alerts.screenshots.enabled", AlertSettings.DEFAULTS.screenshots()),
            new AlertCaps(
                s.integer("smartsession.alerts.max-per-student", c.perStudent()),
                s.integer("smartsession.alerts.max-per-session", c.perSession()),
                s.integer(
                    "smartsession.alerts.screenshots.max-per-student", c.screenshotsPerStudent()),
                s.integer(
                    "smartsession.alerts.screenshots.max-per-session", c.screenshotsPerSession())));
    summary =
        new SummarySettings(
            1000
                * s.longInteger(
                    "smartsession.student.idle-after-seconds",
                    SummarySettings.DEFAULTS.idleAfterMs() / 1000));
    languages =
        new Languages(
            Locale.forLanguageTag(
                s.text(
                    "smartsession.locale.default", Languages.DEFAULTS.fallback().toLanguageTag())));
    messages =
        new MessageLimits(
            s.integer(
                "smartsession.ws.max-message-bytes", MessageLimits.DEFAULTS.maxMessageBytes()));
    analyze =
        new AnalyzeLimits(
            s.integer(
                "smartsession.analyze.max-concurrent", AnalyzeLimits.DEFAULTS.maxConcurrent()));
    StudentTokenSettings t = StudentTokenSettings.DEFAULTS;
    studentTokens =
        new StudentTokenSettings(
            Optional.ofNullable(s.text(StudentTokenSettings.KEY_SETTING, null)),
            s.integer("smartsession.auth.student-token-hours", t.lifetimeHours()));
    scoring = ScoringProperties.read(s.asFunction());
    SignInSettings a = SignInSettings.DEFAULTS;
    signIn =
        new SignInSettings(
            s.bool("smartsession.auth.dev-login", a.devLogin()),
            Optional.ofNullable(s.text("smartsession.oidc.provider-uri", null)),
            s.text("smartsession.oidc.client-id", a.clientId()),
            s.text("smartsession.oidc.client-secret", a.clientSecret()),
            s.text("smartsession.oidc.scopes", a.scopes()),
            s.text("smartsession.oidc.name-claim", a.nameClaim()),
            s.text("smartsession.oidc.display-name-claim", a.displayNameClaim()),
            s.text("smartsession.oidc.email-claim", a.emailClaim()),
            s.text("smartsession.oidc.groups-claim", a.groupsClaim()),
            s.list("smartsession.oidc.teacher-groups", a.teacherGroups()),
            s.list("smartsession.oidc.admin-groups", a.adminGroups()),
            s.bool("smartsession.oidc.provider-logout", a.providerLogout()),
            Optional.ofNullable(s.text("smartsession.oidc.audience", null)),
            s.text("smartsession.oidc.student-id-claim", a.studentIdClaim()));
    sessionLimits =
        new SessionLimits(
            s.integer(
                "smartsession.sessions.max-per-teacher", SessionLimits.DEFAULTS.maxPerTeacher()),
            s.integer(
                "smartsession.sessions.created-per-minute",
                SessionLimits.DEFAULTS.createdPerMinute()));
    joinLimits =
        new JoinLimits(
            s.integer("smartsession.students.max-per-session", JoinLimits.DEFAULTS.maxPerSession()),
            s.integer(
                "smartsession.students.joins-per-minute-per-client",
                JoinLimits.DEFAULTS.perMinutePerClient()));
    trustedProxies = new TrustedProxies(s.list("smartsession.proxy.trusted-addresses", Set.of()));
    roster =
        new RosterSettings(
            Duration.ofMinutes(
                s.integer(
                    "smartsession.roster.late-after-minutes",
                    (int) RosterSettings.DEFAULTS.lateAfter().toMinutes())));
    publicUrl =
        new PublicUrl(
            Optional.ofNullable(s.text("smartsession.public-base-url", null)).map(URI::create));
    allowedOrigins =
        new AllowedOrigins(
            s.list("smartsession.ws.allowed-origins", AllowedOrigins.DEFAULTS.origins()));
    FramePace p = FramePace.DEFAULTS;
    framePace =
        new FramePace(
            s.integer("smartsession.frames.max-fps", p.maxFps()),
            s.longInteger("smartsession.frames.clock-tolerance-ms", p.clockToleranceMs()));
    if (framePace.clockToleranceMs() > scoring.clockResetMs()) {
      // A frame set back further than clock-reset-ms restarts the student's timing, cool-downs
      // included: the tolerance must never let a client do that.
      throw new IllegalArgumentException(
          "smartsession.frames.clock-tolerance-ms must not exceed"
              + " smartsession.scoring.clock-reset-ms ("
              + scoring.clockResetMs()
              + ")");
    }
  }

  @Produces
  FrameLimits frameLimits() {
    return frameLimits;
  }

  @Produces
  FrameQueueSettings frameQueue() {
    return frameQueue;
  }

  @Produces
  StoreLimits storeLimits() {
    return storeLimits;
  }

  @Produces
  RedisSettings redis() {
    return redis;
  }

  @Produces
  VisionSettings vision() {
    return vision;
  }

  @Produces
  AlertSettings alerts() {
    return alerts;
  }

  @Produces
  SummarySettings summary() {
    return summary;
  }

  @Produces
  Languages languages() {
    return languages;
  }

  @Produces
  MessageLimits messages() {
    return messages;
  }

  @Produces
  AnalyzeLimits analyze() {
    return analyze;
  }

  @Produces
  SignInSettings signIn() {
    return signIn;
  }

  @Produces
  SessionLimits sessionLimits() {
    return sessionLimits;
  }

  @Produces
  RosterSettings roster() {
    return roster;
  }

  @Produces
  JoinLimits joinLimits() {
    return joinLimits;
  }

  @Produces
  TrustedProxies trustedProxies() {
    return trustedProxies;
  }

  @Produces
  PublicUrl publicUrl() {
    return publicUrl;
  }

  @Produces
  StudentTokenSettings studentTokens() {
    return studentTokens;
  }

  @Produces
  AllowedOrigins allowedOrigins() {
    return allowedOrigins;
  }

  @Produces
  FramePace framePace() {
    return framePace;
  }

  /** Scoring and alert rules ({@code smartsession.scoring.*}, see model/SCORING.md). */
  @Produces
  ScoringSettings scoring() {
    return scoring;
  }
}
