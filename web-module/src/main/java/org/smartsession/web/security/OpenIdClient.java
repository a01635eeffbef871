package org.smartsession.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import org.smartsession.engine.config.PublicUrl;
import org.smartsession.engine.config.SignInSettings;

/**
 * The OpenID Connect client, as Jakarta Security's standard mechanism runs it (authorization code
 * flow, tokens kept in the HTTP session, refresh, RP-initiated logout). Every value comes from the
 * settings through this bean, named {@code signIn} for the definition's expressions, so nothing is
 * fixed at build time. The mechanism is used only when a provider is configured.
 */
@ApplicationScoped
@Named("signIn")
@OpenIdAuthenticationMechanismDefinition(
    providerURI = "${signIn.providerUri}",
    clientId = "${signIn.clientId}",
    clientSecret = "${signIn.clientSecret}",
    redirectURI = "${signIn.redirectUri}",
    scopeExpression = "${signIn.scopes}",
    redirectToOriginalResource = true,
    claimsDefinition =
        @ClaimsDefinition(
            callerNameClaim = "${signIn.nameClaim}",
            callerGroupsClaim = "${signIn.groupsClaim}"),
    logout =
        @LogoutDefinition(
            notifyProviderExpression = "${signIn.providerLogout}",
            redirectURI = "${signIn.afterSignOutUri}"))
public class OpenIdClient {
  /** Where the provider sends the teacher back with the authorization code. */
  static final String CALLBACK = "auth/callback";

  @Inject SignInSettings settings;
  @Inject PublicUrl publicUrl;

  public String getProviderUri() {
    return settings.providerUri().orElse("");
  }

  public String getClientId() {
    return settings.clientId();
  }

  public String getClientSecret() {
    return settings.clientSecret();
  }

  public String getScopes() {
    return settings.scopes();
  }

  public String getNameClaim() {
    return settings.nameClaim();
  }

  public String getGroupsClaim() {
    return settings.groupsClaim();
  }

  public boolean isProviderLogout() {
    return settings.providerLogout();
  }

  /** Behind a proxy, the public address; otherwise the mechanism's own {@code baseURL}. */
  public String getRedirectUri() {
    return publicUrl
        .base()
        .map(u -> u.resolve(CALLBACK).toString())
        .orElse("${baseURL}/" + CALLBACK);
  }

  public String getAfterSignOutUri() {
    return publicUrl.base().map(Object::toString).orElse("${baseURL}/");
  }
}
