package org.smartsession.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.smartsession.engine.config.SignInSettings;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one): a bearer
 * access token of the provider on any request; otherwise, as configured, the provider's own
 * authorization code flow (the standard OpenID Connect mechanism, to which this delegates), or the
 * development sign-in. With neither configured, pages for teachers answer what to configure.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class SignInMechanism implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(SignInMechanism.class.getName());
  static final String DEV_SIGN_IN = "/auth/dev-login";
  static final String SIGN_IN_PAGE = "/sign-in/";

  /** The issuer of students' join tokens, which are checked where they are used. */
  private static final String STUDENT_TOKEN_ISSUER = "smartsession";

  private static final Pattern STUDENT_JOIN = Pattern.compile("/api/v1/sessions/[^/]+/students");

  @Inject SignInSettings settings;
  @Inject BearerTokens bearer;
  @Inject Roles roles;
  @Inject DevSignIn dev;
  @Inject BeanManager beans;

  private volatile HttpAuthenticationMechanism openId;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String token = bearerToken(request);
    if (token != null && !isStudentJoin(request) && !isStudentToken(token)) {
      return bearer(token, request, context);
    }
    return switch (settings.mode()) {
      case OPENID_CONNECT -> openId().validateRequest(request, response, context);
      case DEVELOPMENT -> dev.validate(request, response, context);
      case NONE -> notConfigured(response, context);
    };
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (settings.mode() == SignInSettings.Mode.OPENID_CONNECT) {
      openId().cleanSubject(request, response, context);
    } else {
      HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
  }

  private AuthenticationStatus bearer(
      String token, HttpServletRequest request, HttpMessageContext context) {
    if (settings.mode() != SignInSettings.Mode.OPENID_CONNECT) {
      return unauthorized(context, "bearer tokens need an identity provider to be configured");
    }
    try {
      JWTClaimsSet claims = bearer.verify(token);
      String login =
          claims.getClaim(settings.nameClaim()) instanceof String n ? n : claims.getSubject();
      Set<String> granted = roles.of(BearerTokens.strings(claims, settings.groupsClaim()));
      Object display = claims.getClaim(settings.displayNameClaim());
      Object email = claims.getClaim(settings.emailClaim());
      request.setAttribute(
          Caller.ATTRIBUTE,
          new Caller(
              login,
              display instanceof String d ? d : login,
              email instanceof String e ? e : null,
              granted));
      return context.notifyContainerAboutLogin(login, granted);
    } catch (BearerTokens.InvalidTokenException e) {
      LOG.fine(() -> "Refused a bearer token: " + e.getMessage());
      return unauthorized(context, e.getMessage());
    }
  }

  private static AuthenticationStatus unauthorized(HttpMessageContext context, String why) {
    HttpServletResponse response = context.getResponse();
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    writeJson(response, 401, "UNAUTHENTICATED", why);
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** Teachers' pages without any sign-in configured: say exactly what to set. */
  private static AuthenticationStatus notConfigured(
      HttpServletResponse response, HttpMessageContext context) {
    if (!context.isProtected()) {
      return context.doNothing();
    }
    writeJson(
        response,
        503,
        "SIGN_IN_NOT_CONFIGURED",
        "Teacher sign-in is not configured. Set smartsession.oidc.provider-uri,"
            + " smartsession.oidc.client-id and smartsession.oidc.client-secret (environment"
            + " SMARTSESSION_OIDC_PROVIDER_URI, ...) to your institution's OpenID Connect provider;"
            + " see the README's section \"Signing in\". Students can join as usual.");
    return AuthenticationStatus.SEND_FAILURE;
  }

  static void writeJson(HttpServletResponse response, int status, String error, String message) {
    try {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "{\"error\":\""
                  + error
                  + "\",\"message\":\""
                  + message.replace("\\", "\\\\").replace("\"", "\\\"")
                  + "\"}");
    } catch (IOException e) {
      LOG.fine(() -> "Could not answer a refused request: " + e);
    }
  }

  private static String bearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  /**
   * A join carries the student's own token, if any: whatever it carries is the join's to judge (an
   * unknown token counts as none there), never a teacher's sign-in.
   */
  private static boolean isStudentJoin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && STUDENT_JOIN.matcher(path).matches();
  }

  /** A student's join token is checked where it is used, not as a teacher's sign-in. */
  private static boolean isStudentToken(String token) {
    try {
      return STUDENT_TOKEN_ISSUER.equals(JWTParser.parse(token).getJWTClaimsSet().getIssuer());
    } catch (ParseException e) {
      return false;
    }
  }

  /** The standard OpenID Connect mechanism that the definition on {@link OpenIdClient} makes. */
  private HttpAuthenticationMechanism openId() {
    HttpAuthenticationMechanism m = openId;
    if (m == null) {
      for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class)) {
        if (bean.getBeanClass() != SignInMechanism.class) {
          m =
              (HttpAuthenticationMechanism)
                  beans.getReference(
                      bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
          break;
        }
      }
      if (m == null) {
        throw new IllegalStateException("the OpenID Connect mechanism is not deployed");
      }
      openId = m;
    }
    return m;
  }
}
