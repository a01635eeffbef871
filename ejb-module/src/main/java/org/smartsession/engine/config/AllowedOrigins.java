package org.smartsession.engine.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Web origins ({@code https://lms.example.edu}), beyond the server's own, whose pages may open
 * SmartSession's WebSockets. A browser page of any other origin is refused at the handshake.
 */
public record AllowedOrigins(Set<String> origins) {
  public static final AllowedOrigins DEFAULTS = new AllowedOrigins(Set.of());

  public AllowedOrigins {
    origins =
        origins.stream()
            .map(
                o ->
                    canonical(o)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "smartsession.ws.allowed-origins: '"
                                        + o
                                        + "' is not an origin such as https://lms.example.edu")))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether the origin, as a browser sends it in its {@code Origin} header, is one of these. */
  public boolean contains(String origin) {
    return canonical(origin).map(origins::contains).orElse(false);
  }

  /**
   * An origin ({@code scheme://host[:port]}, an optional {@code /} after it) in one spelling: lower
   * case, without the scheme's default port; empty when the text is not an http(s) origin (a path,
   * a query, user information, or the {@code null} of sandboxed pages).
   */
  public static Optional<String> canonical(String text) {
    if (text == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    boolean bare =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
            && uri.getRawQuery() == null
            && uri.getRawFragment() == null
            && uri.getRawUserInfo() == null;
    return bare ? originOf(uri) : Optional.empty();
  }

  /** The origin of an absolute http(s) address, whatever its path; empty for anything else. */
  public static Optional<String> originOf(URI address) {
    String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
    String host = address.getHost();
    if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
      return Optional.empty();
    }
    int port = address.getPort();
    boolean defaultPort = port == -1 || port == (scheme.equals("https") ? 443 : 80);
    return Optional.of(
        scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
  }
}
