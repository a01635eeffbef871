package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.AllowedOrigins;

/** Which browser pages may open the sockets: the server's own origin and the listed ones. */
class OriginCheckTest {
  private static final Optional<String> OWN = Optional.of("https://smartsession.example.edu");
  private static final AllowedOrigins NONE = AllowedOrigins.DEFAULTS;

  @Test
  void theServersOwnPagesMayConnect() {
    assertTrue(OriginCheck.allows("https://smartsession.example.edu", OWN, NONE));
    assertTrue(OriginCheck.allows("https://SmartSession.example.edu:443", OWN, NONE));
  }

  @Test
  void pagesElsewhereMayNot() {
    for (String origin :
        new String[] {
          "https://evil.example",
          "http://smartsession.example.edu",
          "https://smartsession.example.edu:8443",
          "https://smartsession.example.edu.evil.example",
          "null",
          "",
          "garbage"
        }) {
      assertFalse(OriginCheck.allows(origin, OWN, NONE), origin);
    }
  }

  @Test
  void listedOriginsMayConnectToo() {
    AllowedOrigins lms = new AllowedOrigins(Set.of("https://lms.example.edu"));
    assertTrue(OriginCheck.allows("https://lms.example.edu", OWN, lms));
    assertTrue(OriginCheck.allows("https://smartsession.example.edu", OWN, lms));
    assertFalse(OriginCheck.allows("https://other.example.edu", OWN, lms));
  }

  @Test
  void withoutAKnownOwnOriginOnlyListedOnesMay() {
    AllowedOrigins lms = new AllowedOrigins(Set.of("https://lms.example.edu"));
    assertTrue(OriginCheck.allows("https://lms.example.edu", Optional.empty(), lms));
    assertFalse(OriginCheck.allows("https://smartsession.example.edu", Optional.empty(), lms));
  }
}
