package org.smartsession.engine.config;

import java.util.Optional;
import java.util.Set;

/**
 * How teachers sign in: through the institution's OpenID Connect provider ({@code providerUri} and
 * the client registered there), or, for the quick start only, the development sign-in. The claims
 * name the caller ({@code nameClaim}), the name to show, the e-mail, and the groups, which map to
 * SmartSession's roles through {@code teacherGroups} and {@code adminGroups}. Students of a session
 * that requires it sign in at the same provider, and {@code studentIdClaim} gives their student id.
 */
public record SignInSettings(
    boolean devLogin,
    Optional<String> providerUri,
    String clientId,
    String clientSecret,
    String scopes,
    String nameClaim,
    String displayNameClaim,
    String emailClaim,
    String groupsClaim,
    Set<String> teacherGroups,
    Set<String> adminGroups,
    boolean providerLogout,
    Optional<String> audience,
    String studentIdClaim) {
  public static final SignInSettings DEFAULTS =
      new SignInSettings(
          false,
          Optional.empty(),
          "",
          "",
          "openid profile email",
          "preferred_username",
          "name",
          "email",
          "groups",
          Set.of("teacher"),
          Set.of("admin"),
          true,
          Optional.empty(),
          "preferred_username");

  /** Which way teachers sign in, as configured. */
  public enum Mode {
    /** The institution's OpenID Connect provider. */
    OPENID_CONNECT,
    /** Anyone picks a name and a role: the quick start only. */
    DEVELOPMENT,
    /** Nothing configured: students are served, teachers are refused with what to configure. */
    NONE
  }

  public SignInSettings {
    providerUri = providerUri.map(String::strip).filter(u -> !u.isEmpty());
    audience = audience.map(String::strip).filter(a -> !a.isEmpty());
    teacherGroups = Set.copyOf(teacherGroups);
    adminGroups = Set.copyOf(adminGroups);
    if (devLogin && providerUri.isPresent()) {
      throw new IllegalArgumentException(
          "smartsession.auth.dev-login=true and smartsession.oidc.provider-uri are both set: the"
              + " development sign-in is for the quick start only; remove"
              + " smartsession.auth.dev-login");
    }
    if (providerUri.isPresent() && clientId.isBlank()) {
      throw new IllegalArgumentException(
          "smartsession.oidc.provider-uri is set but smartsession.oidc.client-id is not");
    }
  }

  public Mode mode() {
    if (providerUri.isPresent()) {
      return Mode.OPENID_CONNECT;
    }
    return devLogin ? Mode.DEVELOPMENT : Mode.NONE;
  }
}
