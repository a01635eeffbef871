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
import java.util.Locale;
import org.smartsession.engine.config.AlertSettings;
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

  @Inject JoinService joins;
  @Inject CurrentStudent student;
  @Inject ScoringSettings scoring;
  @Inject AlertSettings alertSettings;

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
      JoinSession body)
      throws LimitReachedException {
    if (body == null) {
      throw ApiException.badRequest(
          "a JSON body {\"studentId\":\"...\",\"name\":\"...\"} is required");
    }
    if (!Identifiers.isValid(body.studentId())) {
      throw ApiException.badRequest(
          "'studentId' must be 1 to 64 letters, digits or the characters _ . @ -");
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
              request.getRemoteAddr(),
              student.get().orElse(null));
    } catch (StudentSignInRequiredException e) {
      throw new ApiException(
          Response.Status.UNAUTHORIZED, "STUDENT_SIGN_IN_REQUIRED", e.getMessage());
    } catch (CurrentStudent.NoStudentIdException e) {
      throw new ApiException(Response.Status.FORBIDDEN, "NO_STUDENT_ID", e.getMessage());
    } catch (UnknownSessionException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (StudentIdTakenException e) {
      throw new ApiException(Response.Status.CONFLICT, "STUDENT_ID_TAKEN", e.getMessage());
    } catch (NotOnRosterException e) {
      throw new ApiException(Response.Status.FORBIDDEN, "NOT_ON_ROSTER", e.getMessage());
    } catch (SessionClosedException e) {
      throw new ApiException(
          Response.Status.CONFLICT,
          e.ended() ? "SESSION_ENDED" : "SESSION_NOT_OPEN",
          e.getMessage());
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
