package org.smartsession.it.browser;

import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID Connect provider ({@code no.nav.security:mock-oauth2-server}) on the loopback port
 * the build reserved, issuer {@code http://localhost:PORT/school} (the provider names itself after
 * the host it is asked by, so the server and the tests both say localhost), started before the
 * application server so that the server finds it when the first teacher signs in. Sign-ins need no
 * login page: the provider signs in whoever {@link #nextSignIn} names.
 */
public final class OpenIdProvider implements BeforeAllCallback, AfterAllCallback {
  static final String ISSUER = "school";
  static final String CLIENT = "smartsession";

  private static MockOAuth2Server server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (server == null) {
      server = new MockOAuth2Server(new OAuth2Config());
      server.start(InetAddress.getLoopbackAddress(), Integer.getInteger("oidc.it.port"));
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // Kept for the other classes of this run; the JVM's end stops it.
  }

  /** The claims a teacher's token carries, as a university's provider would send them. */
  static Map<String, Object> claims(String login, String name, List<String> groups) {
    return Map.of(
        "preferred_username",
        login,
        "name",
        name,
        "email",
        login + "@uni.example",
        "groups",
        groups);
  }

  /** The next authorization code flow signs in this person. */
  public static void nextSignIn(String login, String name, List<String> groups) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER, login, "JWT", List.of(CLIENT), claims(login, name, groups), 3600));
  }

  /** An access token, as a script gets one from the provider. */
  static String accessToken(
      String issuer, String login, List<String> audience, long expirySeconds, List<String> groups) {
    SignedJWT token =
        server.issueToken(
            issuer,
            CLIENT,
            new DefaultOAuth2TokenCallback(
                issuer, login, "JWT", audience, claims(login, login, groups), expirySeconds));
    return token.serialize();
  }
}
