package org.smartsession.engine.config;

import java.net.URI;
import java.util.Optional;

/**
 * The address users reach the application at ({@code https://smartsession.example.edu/}), behind
 * any proxy; every link and redirect the server builds uses it. Without it, the request's own
 * address is used, which is right only without a proxy.
 */
public record PublicUrl(Optional<URI> base) {
  public static final PublicUrl DEFAULTS = new PublicUrl(Optional.empty());

  public PublicUrl {
    base.ifPresent(
        u -> {
          if (!u.isAbsolute() || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                "smartsession.public-base-url must be an absolute http(s) URL, not " + u);
          }
        });
    base = base.map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"));
  }
}
