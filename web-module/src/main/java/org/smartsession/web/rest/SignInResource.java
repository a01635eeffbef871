package org.smartsession.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.smartsession.engine.config.SignInSettings;
import org.smartsession.model.session.Teacher;

/**
 * {@code GET /api/v1/sign-in}: how teachers sign in here, for every page (which shows a banner for
 * the development sign-in); {@code GET /api/v1/me}: the signed-in teacher.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {

  @Inject SignInSettings settings;
  @Inject TeacherAccess access;

  /** The sign-in in use: {@code OPENID_CONNECT}, {@code DEVELOPMENT} or {@code NONE}. */
  public record SignIn(String mode) {}

  public record Me(String login, String displayName, String email, boolean admin, String signIn) {}

  @GET
  @Path("sign-in")
  public SignIn signIn() {
    return new SignIn(settings.mode().name());
  }

  @GET
  @Path("me")
  public Me me() {
    Teacher t = access.current();
    return new Me(t.login(), t.displayName(), t.email(), t.admin(), settings.mode().name());
  }
}
