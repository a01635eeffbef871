package org.smartsession.web.http;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.smartsession.engine.config.PublicUrl;
import org.smartsession.engine.config.SignInSettings;

/**
 * The browser's security headers on every response, pages, files, API answers and errors alike, set
 * before anything else answers. The policy lets the pages load scripts, styles, images and
 * connections from this server only (images also from data and blob URLs: alert screenshots, the QR
 * code); no inline script or style runs, no plugin loads, no other site may frame a page or be the
 * target of its forms. HSTS only where the request came over HTTPS or the public base URL is HTTPS,
 * since a browser would otherwise refuse plain HTTP to this host for a year.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders implements Filter {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " frame-ancestors 'none'; form-action 'self'";
  static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=()";
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  @Inject PublicUrl publicUrl;
  @Inject SignInSettings signIn;

  /**
   * The policy; a sign-out posts a form whose answer redirects to the identity provider's logout,
   * so its origin is a form target too.
   */
  String policy() {
    return signIn == null
        ? CONTENT_SECURITY_POLICY
        : signIn
            .providerUri()
            .map(URI::create)
            .filter(u -> u.getScheme() != null && u.getRawAuthority() != null)
            .map(u -> CONTENT_SECURITY_POLICY + " " + u.getScheme() + "://" + u.getRawAuthority())
            .orElse(CONTENT_SECURITY_POLICY);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
      out.setHeader("Content-Security-Policy", policy());
      out.setHeader("X-Content-Type-Options", "nosniff");
      out.setHeader("Referrer-Policy", "no-referrer");
      out.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
      if (http.isSecure()
          || publicUrl.base().map(u -> "https".equalsIgnoreCase(u.getScheme())).orElse(false)) {
        out.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
      }
    }
    chain.doFilter(request, response);
  }
}
