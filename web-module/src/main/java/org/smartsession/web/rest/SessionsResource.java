package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smartsession.engine.alerts.AlertMessages;
import org.smartsession.engine.config.PublicUrl;
import org.smartsession.engine.config.SignInSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.engine.session.DataDeletion;
import org.smartsession.engine.session.LimitReachedException;
import org.smartsession.engine.session.SessionService;
import org.smartsession.model.protocol.CriticalAlert;
import org.smartsession.model.scoring.Indicators;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.SessionInfo;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.SessionStore;

/**
 * Sessions: create (optionally scheduled), start, end, list, look up, alerts and a student's
 * history (joining: StudentsResource).
 */
@Path("sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {
  static final int MAX_NAME_LENGTH = 100;

  @Inject SessionService sessions;
  @Inject DataDeletion deletion;
  @Inject SessionStore store;
  @Inject ScoringSettings scoring;
  @Inject PublicUrl publicUrl;
  @Inject SignInSettings signIn;
  @Context UriInfo uri;
  @Inject TeacherAccess teachers;
  @Inject Clock clock;
  @Inject StoreLimits limits;

  /**
   * Body of {@code POST /sessions}; {@code kind} is CLASS (default) or EXAM; {@code
   * requireStudentLogin} (default false) lets students join only signed in at the provider; {@code
   * opensAt} (ISO-8601 with an offset, e.g. {@code 2026-12-03T09:00:00+01:00}) schedules when
   * students may join, at once when absent; {@code retentionHours} how long its data is kept after
   * its last activity (the deployment's time to live when absent).
   */
  public record CreateSession(
      String name, String kind, Boolean requireStudentLogin, String opensAt, Long retentionHours) {}

  /** A session as the API shows it, with the link students join by. */
  public record SessionView(
      String sessionId,
      String name,
      String kind,
      long createdAt,
      String phase,
      Long opensAt,
      Long endedAt,
      String joinUrl,
      String teacherUrl,
      boolean requireStudentLogin,
      long retentionHours,
      ScoringView scoring) {}

  /**
   * How the session scores students, so that the dashboard explains a score with the weights the
   * server uses: each confusion indicator's weight, and the smoothed confusion above which a
   * student counts as confused. Absent where affect inference is switched off.
   */
  public record ScoringView(Map<String, Double> weights, double confusedAbove) {}

  @POST
  public Response create(CreateSession body) throws LimitReachedException {
    if (body == null) {
      throw ApiException.badRequest("a JSON body {\"name\":\"...\"} is required");
    }
    String name = requireName(body.name(), "name");
    SessionKind kind = parseKind(body.kind());
    boolean studentsSignIn = Boolean.TRUE.equals(body.requireStudentLogin());
    if (studentsSignIn && signIn.mode() != SignInSettings.Mode.OPENID_CONNECT) {
      throw ApiException.badRequest(
          "'requireStudentLogin' needs an identity provider (smartsession.oidc.*): students sign"
              + " in where teachers do");
    }
    Long opensAt = parseTime(body.opensAt(), "opensAt");
    SessionInfo session;
    try {
      session =
          sessions.create(
              name,
              kind,
              teachers.current(),
              studentsSignIn,
              opensAt,
              body.retentionHours() == null ? null : Duration.ofHours(body.retentionHours()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    SessionView view = view(session);
    // Set as a header: Response.created would make it absolute from the request's Host.
    return Response.status(Response.Status.CREATED)
        .header(HttpHeaders.LOCATION, root() + "api/v1/sessions/" + session.sessionId())
        .entity(view)
        .build();
  }

  /** The caller's sessions (every session for an admin), newest first. */
  @GET
  public List<SessionView> list() {
    return sessions.sessionsOf(teachers.current()).stream().map(this::view).toList();
  }

  @GET
  @Path("{sessionId}")
  public SessionView get(@PathParam("sessionId") String sessionId) {
    return view(teachers.session(sessionId));
  }

  /** Opens a scheduled session now; an open or ended one is answered as it is. */
  @POST
  @Path("{sessionId}/start")
  public SessionView start(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> view(sessions.start(sessionId, teachers.current())));
  }

  /**
   * Ends the session: its students are told and disconnected, and it takes no joins or frames
   * again; it stays readable. Ending an ended session answers it unchanged.
   */
  @POST
  @Path("{sessionId}/end")
  public SessionView end(@PathParam("sessionId") String sessionId) {
    return TeacherAccess.answer(() -> view(sessions.end(sessionId, teachers.current())));
  }

  /**
   * Deletes everything kept of the session, on every server, at once; only its owner or an admin
   * may. Its students and teachers are disconnected.
   */
  @DELETE
  @Path("{sessionId}")
  public Response delete(@PathParam("sessionId") String sessionId) {
    TeacherAccess.answer(
        () -> {
          deletion.deleteSession(sessionId, teachers.current());
          return null;
        });
    return Response.noContent().build();
  }

  /**
   * Deletes everything kept of one student of the session (an erasure request); only the session's
   * owner or an admin may. The student is disconnected; the id may be joined again as a new
   * student.
   */
  @DELETE
  @Path("{sessionId}/students/{studentId}")
  public Response deleteStudent(
      @PathParam("sessionId") String sessionId, @PathParam("studentId") String studentId) {
    TeacherAccess.answer(
        () -> {
          deletion.deleteStudent(sessionId, studentId, teachers.current());
          return null;
        });
    return Response.noContent().build();
  }

  @GET
  @Path("{sessionId}/alerts")
  public List<CriticalAlert> alerts(@PathParam("sessionId") String sessionId) {
    teachers.session(sessionId);
    return store.alerts(sessionId).stream().map(AlertMessages::of).toList();
  }

  @GET
  @Path("{sessionId}/students/{studentId}/history")
  public List<HistoryPoint> history(
      @PathParam("sessionId") String sessionId,
      @PathParam("studentId") String studentId,
      @QueryParam("from") Long from,
      @QueryParam("to") Long to) {
    teachers.session(sessionId);
    if (store.studentState(sessionId, studentId).isEmpty()) {
      throw ApiException.notFound("no student " + studentId + " in session " + sessionId);
    }
    return store.history(
        sessionId, studentId, from == null ? 0 : from, to == null ? Long.MAX_VALUE : to);
  }

  /**
   * The application's address: the configured public one, otherwise a path from the server's root
   * (the API lives at {@code <application>/api/v1/}), never from the request's Host header, which a
   * client can forge.
   */
  private String root() {
    return publicUrl
        .base()
        .map(URI::toString)
        .orElse(uri.getBaseUri().resolve("../../").getRawPath());
  }

  private SessionView view(SessionInfo s) {
    String root = root();
    return new SessionView(
        s.sessionId(),
        s.name(),
        s.kind().name(),
        s.createdAt(),
        s.phaseAt(clock.millis()).name(),
        s.opensAt(),
        s.endedAt(),
        root + "student/?session=" + s.sessionId(),
        root + "teacher/?session=" + s.sessionId(),
        s.requireStudentLogin(),
        (s.retentionSecondsOr(limits.ttl().toSeconds()) + 3599) / 3600,
        scoringView());
  }

  private ScoringView scoringView() {
    if (!scoring.affectInference()) {
      return null;
    }
    return new ScoringView(
        Map.of(
            Indicators.EYEBROW_FURROW, scoring.furrow().weight(),
            Indicators.GAZE_SHIFTS, scoring.gaze().weight(),
            Indicators.HEAD_TILT, scoring.headTilt().weight(),
            Indicators.MICRO_EXPRESSIONS, scoring.microExpressions().weight()),
        scoring.confusion().threshold());
  }

  static String requireName(String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("'" + field + "' is required");
    }
    String name = value.strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw ApiException.badRequest(
          "'" + field + "' must be at most " + MAX_NAME_LENGTH + " characters");
    }
    return name;
  }

  /** An ISO-8601 time with an offset as epoch ms; null when absent. */
  private static Long parseTime(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "'" + field + "' must be an ISO-8601 time with an offset, e.g. 2026-12-03T09:00:00Z");
    }
  }

  private static SessionKind parseKind(String kind) {
    if (kind == null || kind.isBlank()) {
      return SessionKind.CLASS;
    }
    try {
      return SessionKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("'kind' must be CLASS or EXAM");
    }
  }
}
