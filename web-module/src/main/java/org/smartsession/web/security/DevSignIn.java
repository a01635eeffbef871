package org.smartsession.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The development sign-in of the quick start: whoever posts a name and a role to {@code
 * /auth/dev-login} is that teacher (or admin) for the rest of their HTTP session. Never for
 * production: nothing is checked.
 */
@ApplicationScoped
public class DevSignIn {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final int MAX_DISPLAY_NAME = 100;

  @Inject Roles roles;

  AuthenticationStatus validate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals(SignInMechanism.DEV_SIGN_IN) && "POST".equals(request.getMethod())) {
      return signIn(request, response, context);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
      return context.notifyContainerAboutLogin(caller.login(), caller.roles());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (wantsPage(request)) {
      String target = request.getRequestURI();
      if (request.getQueryString() != null) {
        target += "?" + request.getQueryString();
      }
      return context.redirect(
          request.getContextPath()
              + SignInMechanism.SIGN_IN_PAGE
              + "?returnTo="
              + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }
    SignInMechanism.writeJson(
        response,
        401,
        "UNAUTHENTICATED",
        "sign in first (development sign-in: POST /auth/dev-login)");
    return AuthenticationStatus.SEND_FAILURE;
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String login = request.getParameter("name");
    String role = request.getParameter("role");
    String displayName = request.getParameter("displayName");
    if (login == null || !LOGIN.matcher(login).matches()) {
      SignInMechanism.writeJson(
          response,
          400,
          "BAD_REQUEST",
          "'name' must be 1 to 64 letters, digits or the characters . _ @ - (a login name)");
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (!Roles.TEACHER.equals(role) && !Roles.ADMIN.equals(role)) {
      SignInMechanism.writeJson(response, 400, "BAD_REQUEST", "'role' must be teacher or admin");
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (displayName == null || displayName.isBlank()) {
      displayName = login;
    } else if (displayName.strip().length() > MAX_DISPLAY_NAME) {
      SignInMechanism.writeJson(
          response, 400, "BAD_REQUEST", "'displayName' must be at most 100 characters");
      return AuthenticationStatus.SEND_FAILURE;
    }
    Set<String> granted =
        Roles.ADMIN.equals(role) ? Set.of(Roles.ADMIN, Roles.TEACHER) : Set.of(Roles.TEACHER);
    if (request.getSession(false) != null) {
      request.changeSessionId(); // a new identity gets a new session id
    }
    request
        .getSession(true)
        .setAttribute(
            Caller.ATTRIBUTE,
            new Caller(login, displayName.strip(), login.contains("@") ? login : null, granted));
    return context.redirect(safeReturn(request, request.getParameter("returnTo")));
  }

  /** Only a path of this application: a sign-in must not send anyone elsewhere. */
  static String safeReturn(HttpServletRequest request, String returnTo) {
    String root = request.getContextPath() + "/";
    if (returnTo == null
        || !returnTo.startsWith(root)
        || returnTo.startsWith("//")
        || returnTo.contains("\\")
        || returnTo.contains("://")) {
      return root + "teacher/";
    }
    return returnTo;
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
  }
}
