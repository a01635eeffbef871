package org.smartsession.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.Claims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.smartsession.engine.config.SignInSettings;
import org.smartsession.engine.session.ProviderIdentity;
import org.smartsession.model.protocol.Identifiers;

/**
 * The student behind the current request, when they signed in through the institution's provider:
 * their student id from the configured claim, their name from the display-name claim.
 */
@RequestScoped
public class CurrentStudent {

  @Inject SecurityContext security;
  @Inject HttpServletRequest request;
  @Inject SignInSettings settings;
  @Inject Instance<OpenIdContext> openId;

  /** Thrown when the caller signed in, but the provider gave no usable student id. */
  public static class NoStudentIdException extends Exception {
    private static final long serialVersionUID = 1L;

    NoStudentIdException(String message) {
      super(message);
    }
  }

  /** Empty when nobody signed in through the provider. */
  public Optional<ProviderIdentity> get() throws NoStudentIdException {
    if (settings.mode() != SignInSettings.Mode.OPENID_CONNECT
        || CurrentTeacher.signedInCaller(request, security) == null
        || !openId.isResolvable()) {
      return Optional.empty();
    }
    Claims claims;
    try {
      claims = openId.get().getClaims();
    } catch (RuntimeException e) {
      return Optional.empty(); // signed in with a bearer token, not in this browser
    }
    String id = claims.getStringClaim(settings.studentIdClaim()).orElse(null);
    if (!Identifiers.isValid(id)) {
      throw new NoStudentIdException(
          "Your institution account gives no usable student id (claim '"
              + settings.studentIdClaim()
              + "'); ask your institution's IT to release it to SmartSession.");
    }
    return Optional.of(
        new ProviderIdentity(id, claims.getStringClaim(settings.displayNameClaim()).orElse(null)));
  }
}
