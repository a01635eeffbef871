package org.smartsession.web.ws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.config.AllowedOrigins;
import org.smartsession.engine.config.PublicUrl;

/**
 * Which pages may open SmartSession's sockets, judged by the handshake's {@code Origin} header, so
 * that a page elsewhere cannot use a visitor's browser (and its sign-in) to connect. Allowed: the
 * server's own origin, which is the public base URL's when it is set and otherwise the request's
 * own (its scheme and {@code Host}), and the origins listed in {@code
 * smartsession.ws.allowed-origins}. A handshake without an {@code Origin} does not come from a
 * browser page (scripts, other servers, the tests' client) and is let through.
 */
@ApplicationScoped
public class OriginCheck {
  private static final Logger LOG = Logger.getLogger(OriginCheck.class.getName());

  @Inject AllowedOrigins allowed;
  @Inject PublicUrl publicUrl;

  /** The handshake's HTTP request (CDI's built-in bean), for the server's own origin. */
  @Inject HttpServletRequest request;

  private final AtomicBoolean warned = new AtomicBoolean();

  boolean allows(String origin) {
    return origin == null || allows(origin, ownOrigin(), allowed);
  }

  /**
   * Whether a browser page of {@code origin} may connect, the server's own origin being {@code
   * own}.
   */
  static boolean allows(String origin, Optional<String> own, AllowedOrigins allowed) {
    Optional<String> canonical = AllowedOrigins.canonical(origin);
    return canonical.isPresent()
        && (canonical.equals(own) || allowed.origins().contains(canonical.get()));
  }

  /** The origin a page of this server has, as far as the handshake shows it. */
  private Optional<String> ownOrigin() {
    if (publicUrl.base().isPresent()) {
      return AllowedOrigins.originOf(publicUrl.base().get());
    }
    try {
      String host = request.getHeader("Host");
      return AllowedOrigins.canonical(
          request.getScheme()
              + "://"
              + (host != null ? host : request.getServerName() + ":" + request.getServerPort()));
    } catch (RuntimeException e) {
      if (warned.compareAndSet(false, true)) {
        LOG.log(
            Level.WARNING,
            "The WebSocket handshake's request is not visible here, so browser pages are allowed"
                + " only from the origins of smartsession.public-base-url and"
                + " smartsession.ws.allowed-origins",
            e);
      }
      return Optional.empty();
    }
  }
}
