package org.smartsession.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Origins in one spelling, so that the allow-list compares what browsers send. */
class AllowedOriginsTest {

  @Test
  void originsAreSpelledOneWay() {
    assertEquals(
        Optional.of("https://lms.example.edu"),
        AllowedOrigins.canonical("HTTPS://LMS.Example.edu"));
    assertEquals(
        Optional.of("https://lms.example.edu"),
        AllowedOrigins.canonical("https://lms.example.edu:443/"));
    assertEquals(
        Optional.of("http://127.0.0.1:8080"), AllowedOrigins.canonical("http://127.0.0.1:8080"));
    assertEquals(Optional.of("http://[::1]:8181"), AllowedOrigins.canonical("http://[::1]:8181"));
    assertEquals(
        Optional.of("http://example.edu"), AllowedOrigins.canonical("http://example.edu:80"));
  }

  @Test
  void whatIsNoOriginIsNone() {
    for (String text :
        new String[] {
          null,
          "",
          "null",
          "example.edu",
          "ftp://example.edu",
          "https://example.edu/teacher/",
          "https://example.edu?x=1",
          "https://user@example.edu",
          "https://exa mple.edu",
          "file:///tmp"
        }) {
      assertEquals(Optional.empty(), AllowedOrigins.canonical(text), String.valueOf(text));
    }
  }

  @Test
  void theOriginOfAnAddressIgnoresItsPath() {
    assertEquals(
        Optional.of("https://smartsession.example.edu"),
        AllowedOrigins.originOf(URI.create("https://smartsession.example.edu/smartsession/")));
  }

  @Test
  void theListKeepsCanonicalOriginsAndComparesThem() {
    AllowedOrigins allowed = new AllowedOrigins(Set.of("https://LMS.example.edu/"));
    assertEquals(Set.of("https://lms.example.edu"), allowed.origins());
    assertTrue(allowed.contains("https://lms.example.edu"));
    assertTrue(allowed.contains("https://lms.example.edu:443"));
    assertFalse(allowed.contains("http://lms.example.edu"));
    assertFalse(allowed.contains("https://lms.example.edu.evil.example"));
    assertFalse(allowed.contains("null"));
    assertFalse(allowed.contains(null));
  }

  @Test
  void aListedNonOriginStopsTheStartWithTheSettingsName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new AllowedOrigins(Set.of("https://lms.example.edu/course/1")));
    assertTrue(e.getMessage().contains("smartsession.ws.allowed-origins"), e.getMessage());
  }
}
