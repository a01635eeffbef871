package org.smartsession.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.PublicUrl;

/** The security headers every response carries, set before the rest of the chain answers. */
class SecurityHeadersTest {

  /** The headers a response got, and whether they were there when the chain ran. */
  private static Map<String, String> filter(boolean secure, PublicUrl publicUrl) throws Exception {
    Map<String, String> headers = new HashMap<>();
    HttpServletRequest request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("isSecure")) {
                    return secure;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("setHeader")) {
                    headers.put((String) args[0], (String) args[1]);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    Map<String, String> seenByTheChain = new HashMap<>();
    FilterChain chain = (req, res) -> seenByTheChain.putAll(headers);
    SecurityHeaders filter = new SecurityHeaders();
    filter.publicUrl = publicUrl;
    filter.doFilter(request, response, chain);
    assertEquals(headers, seenByTheChain, "set before the chain answers");
    return headers;
  }

  @Test
  void everyResponseGetsTheBrowsersProtections() throws Exception {
    Map<String, String> headers = filter(false, PublicUrl.DEFAULTS);
    String csp = headers.get("Content-Security-Policy");
    for (String directive :
        new String[] {
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data: blob:",
          "media-src 'self' blob:",
          "connect-src 'self'",
          "object-src 'none'",
          "base-uri 'self'",
          "frame-ancestors 'none'",
          "form-action 'self'"
        }) {
      assertTrue(csp.contains(directive + ";") || csp.endsWith(directive), directive);
    }
    assertFalse(csp.contains("unsafe"), csp);
    assertEquals("nosniff", headers.get("X-Content-Type-Options"));
    assertEquals("no-referrer", headers.get("Referrer-Policy"));
    assertEquals("camera=(self), microphone=(), geolocation=()", headers.get("Permissions-Policy"));
  }

  @Test
  void hstsOnlyOverHttps() throws Exception {
    assertFalse(filter(false, PublicUrl.DEFAULTS).containsKey("Strict-Transport-Security"));
    assertFalse(
        filter(false, new PublicUrl(Optional.of(URI.create("http://localhost:8080/"))))
            .containsKey("Strict-Transport-Security"));
    assertEquals(
        "max-age=31536000", filter(true, PublicUrl.DEFAULTS).get("Strict-Transport-Security"));
    assertEquals(
        "max-age=31536000",
        filter(false, new PublicUrl(Optional.of(URI.create("https://smartsession.example.edu/"))))
            .get("Strict-Transport-Security"));
  }
}
