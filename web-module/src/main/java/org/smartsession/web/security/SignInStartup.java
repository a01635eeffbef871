package org.smartsession.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.smartsession.engine.config.SignInSettings;

/**
 * Reads the sign-in settings when the application starts, so that a wrong combination (a provider
 * and the development sign-in together) stops the start with its message, and says at start which
 * sign-in is in use.
 */
@ApplicationScoped
public class SignInStartup {
  private static final Logger LOG = Logger.getLogger(SignInStartup.class.getName());

  @Inject SignInSettings settings;

  void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
    switch (settings.mode()) {
      case DEVELOPMENT ->
          LOG.warning(
              "DEVELOPMENT SIGN-IN is on (smartsession.auth.dev-login=true): anyone can sign in as"
                  + " any teacher or admin. For trying SmartSession out only; configure"
                  + " smartsession.oidc.* for real use.");
      case OPENID_CONNECT ->
          LOG.info(() -> "Teachers sign in at " + settings.providerUri().orElseThrow());
      case NONE ->
          LOG.warning(
              "No teacher sign-in is configured: students are served, teachers are refused. Set"
                  + " smartsession.oidc.provider-uri, client-id and client-secret.");
    }
  }
}
