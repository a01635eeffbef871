package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import org.smartsession.engine.config.AlertSettings;
import org.smartsession.engine.config.JoinLimits;
import org.smartsession.engine.config.Languages;
import org.smartsession.engine.config.TrustedProxies;
import org.smartsession.engine.i18n.StudentMessages;
import org.smartsession.engine.session.JoinService;
import org.smartsession.engine.session.JoinedStudent;
import org.smartsession.engine.session.LimitReachedException;
import org.smartsession.engine.session.NotOnRosterException;
import org.smartsession.engine.session.SessionClosedException;
import org.smartsession.engine.session.StudentIdTakenException;
import org.smartsession.engine.session.StudentSignInRequiredException;
import org.smartsession.engine.session.UnknownSessionException;
import org.smartsession.model.protocol.Identifiers;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.web.security.CurrentStudent;

/**
 * A session's students: joining. The answer carries the student's token, which the socket needs and
 * which alone lets a browser rejoin as a student who has already joined.
 */
@Path("sessions/{sessionId}/students")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StudentsResource {
  private static final String BEARER = "bearer ";
  private static final DateTimeFormatter OPENS_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject JoinService joins;
  @Inject CurrentStudent student;
  @Inject ScoringSettings scoring;
  @Inject AlertSettings alertSettings;
  @Inject Languages languages;
  @Inject JoinLimits joinLimits;
  @Inject TrustedProxies proxies;

  /** Body of {@code POST /sessions/{id}/students}. */
  public record JoinSession(String studentId, String name) {}

  /**
   * What the student page needs to connect (the socket's path relative to the application, token
   * included), the token itself for rejoining, and what the session will do with the frames.
   */
  public record Joined(
      String sessionId,
      String sessionName,
      String kind,
      String studentId,
      String name,
      String token,
      long tokenExpiresAt,
      String webSocketPath,
      boolean affectInference,
      boolean screenshots) {}

  /**
   * Joins the student, or resumes them when {@code Authorization: Bearer} carries their own token;
   * 409 STUDENT_ID_TAKEN when the id is already joined and the token is not theirs, 409
   * SESSION_NOT_OPEN before a scheduled session opens and SESSION_ENDED after it ended; 403
   * NOT_ON_ROSTER where only the roster's students may join; 429 when the session is full or the
   * client joins too fast; in a session that requires students to sign in, 401
   * STUDENT_SIGN_IN_REQUIRED before they did (then the provider's student id and name are used, not
   * those of the body).
   */
  @POST
  public Response join(
      @PathParam("sessionId") String sessionId,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @Context HttpServletRequest request,
      @Context HttpHeaders headers,
      JoinSession body)
      throws LimitReachedException {
    Locale locale = languages.pick(headers.getAcceptableLanguages());
    if (body == null) {
      throw ApiException.badRequest(
          "a JSON body {\"studentId\":\"...\",\"name\":\"...\"} is required");
    }
    if (!Identifiers.isValid(body.studentId())) {
      throw ApiException.badRequest(StudentMessages.text(locale, "join.BAD_STUDENT_ID"));
    }
    String name =
        body.name() == null || body.name().isBlank()
            ? body.studentId()
            : SessionsResource.requireName(body.name(), "name");
    JoinedStudent joined;
    try {
      joined =
          joins.join(
              sessionId,
              body.studentId(),
              name,
              bearerToken(authorization),
              proxies.client(
                  request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For"))),
              student.get().orElse(null));
    } catch (StudentSignInRequiredException e) {
      throw refused(Response.Status.UNAUTHORIZED, "STUDENT_SIGN_IN_REQUIRED", locale);
    } catch (CurrentStudent.NoStudentIdException e) {
      throw new ApiException(Response.Status.FORBIDDEN, "NO_STUDENT_ID", e.getMessage());
    } catch (UnknownSessionException e) {
      throw new ApiException(
          Response.Status.NOT_FOUND, "NOT_FOUND", StudentMessages.text(locale, "join.NOT_FOUND"));
    } catch (StudentIdTakenException e) {
      throw refused(Response.Status.CONFLICT, "STUDENT_ID_TAKEN", locale);
    } catch (NotOnRosterException e) {
      throw refused(Response.Status.FORBIDDEN, "NOT_ON_ROSTER", locale);
    } catch (SessionClosedException e) {
      if (e.ended()) {
        throw refused(Response.Status.CONFLICT, "SESSION_ENDED", locale);
      }
      // The server does not know the student's time zone: a time any reader can convert.
      String opens = OPENS_AT.format(Instant.ofEpochMilli(e.opensAt()));
      throw new ApiException(
          Response.Status.CONFLICT,
          "SESSION_NOT_OPEN",
          StudentMessages.text(locale, "join.SESSION_NOT_OPEN", opens));
    } catch (LimitReachedException e) {
      // Waiting helps against the per-client rate, never against a full session.
      boolean tooFast = e.retryAfterSeconds() > 0;
      throw new LimitReachedException(
          StudentMessages.text(
              locale,
              tooFast ? "join.TOO_MANY_REQUESTS" : "join.SESSION_FULL",
              tooFast ? joinLimits.perMinutePerClient() : joinLimits.maxPerSession()),
          e.retryAfterSeconds());
    }
    String token = joined.token().value();
    Joined answer =
        new Joined(
            joined.session().sessionId(),
            joined.session().name(),
            joined.session().kind().name(),
            joined.studentId(),
            joined.name(),
            token,
            joined.token().expiresAt().toEpochMilli(),
            "ws/student?sessionId="
                + joined.session().sessionId()
                + "&studentId="
                + joined.studentId()
                + "&token="
                + token,
            scoring.affectInference(),
            alertSettings.screenshots());
    // The answer holds a credential: no cache may keep it.
    return Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  /** A refused join, said in the student's language. */
  private static ApiException refused(Response.Status status, String error, Locale locale) {
    return new ApiException(status, error, StudentMessages.text(locale, "join." + error));
  }

  /** The token of an {@code Authorization: Bearer <token>} header; null for none or another. */
  static String bearerToken(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
  }
}
