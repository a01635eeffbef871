package org.smartsession.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.Claims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Optional;
import org.smartsession.engine.config.SignInSettings;
import org.smartsession.model.session.Teacher;

/** The teacher behind the current request, when one signed in with the teacher or admin role. */
@RequestScoped
public class CurrentTeacher {

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject SignInSettings settings;
  @Inject Instance<OpenIdContext> openId;

  /** Whether anyone signed in, teacher or not. */
  public boolean signedIn() {
    return signedInCaller(request, security) != null;
  }

  public Optional<Teacher> get() {
    Principal principal = signedInCaller(request, security);
    if (principal == null) {
      return Optional.empty();
    }
    boolean admin = security.isCallerInRole(Roles.ADMIN);
    if (!admin && !security.isCallerInRole(Roles.TEACHER)) {
      return Optional.empty();
    }
    Caller caller = caller();
    if (caller != null) {
      return Optional.of(new Teacher(caller.login(), caller.displayName(), caller.email(), admin));
    }
    String display = null;
    String email = null;
    if (settings.mode() == SignInSettings.Mode.OPENID_CONNECT && openId.isResolvable()) {
      Claims claims = openId.get().getClaims();
      display = claims.getStringClaim(settings.displayNameClaim()).orElse(null);
      email = claims.getStringClaim(settings.emailClaim()).orElse(null);
    }
    return Optional.of(new Teacher(principal.getName(), display, email, admin));
  }

  /**
   * The signed-in caller, or null. The request's user principal says whether anyone signed in:
   * WildFly's SecurityContext names a caller who did not "anonymous" where the specification says
   * null.
   */
  static Principal signedInCaller(HttpServletRequest request, SecurityContext security) {
    return request.getUserPrincipal() == null ? null : security.getCallerPrincipal();
  }

  /** What the sign-in recorded: per request for a bearer token, per session for the dev sign-in. */
  private Caller caller() {
    if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller c) {
      return c;
    }
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(Caller.ATTRIBUTE) instanceof Caller c ? c : null;
  }
}
