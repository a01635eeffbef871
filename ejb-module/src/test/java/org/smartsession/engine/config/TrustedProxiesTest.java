package org.smartsession.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's address behind trusted proxies, and only behind them. */
class TrustedProxiesTest {
  private final TrustedProxies nginx = new TrustedProxies(List.of("10.0.0.0/8", "::1"));

  @Test
  void noTrustedProxyMeansTheConnectionsAddress() {
    assertEquals(
        "10.1.2.3", TrustedProxies.NONE.client("10.1.2.3", List.of("203.0.113.7, 198.51.100.1")));
  }

  @Test
  void aTrustedProxyNamesTheClientItSaw() {
    assertEquals("203.0.113.7", nginx.client("10.1.2.3", List.of("203.0.113.7")));
    assertEquals("2001:db8::7", nginx.client("0:0:0:0:0:0:0:1", List.of("2001:db8::7")));
  }

  @Test
  void whatTheClientWroteLeftOfItIsNotBelieved() {
    // The client claimed 198.51.100.1; the proxy appended the address it really came from.
    assertEquals("203.0.113.7", nginx.client("10.1.2.3", List.of("198.51.100.1, 203.0.113.7")));
    // Two headers read as one list, in order.
    assertEquals("203.0.113.7", nginx.client("10.1.2.3", List.of("198.51.100.1", "203.0.113.7")));
  }

  @Test
  void trustedHopsAreSkipped() {
    assertEquals(
        "203.0.113.7", nginx.client("10.1.2.3", List.of("198.51.100.1, 203.0.113.7, 10.9.9.9")));
    // Nothing but proxies: the first of them.
    assertEquals("10.0.0.5", nginx.client("10.1.2.3", List.of("10.0.0.5, 10.9.9.9")));
  }

  @Test
  void anUntrustedConnectionIsItsOwnClientWhateverItClaims() {
    assertEquals("203.0.113.9", nginx.client("203.0.113.9", List.of("10.0.0.1")));
    assertEquals("11.0.0.1", nginx.client("11.0.0.1", List.of("203.0.113.7")));
  }

  @Test
  void aHopThatIsNoAddressStopsTheWalk() {
    for (String junk : new String[] {"unknown", "", "999.1.1.1", "10", "example.edu", "1:::2"}) {
      assertEquals("10.1.2.3", nginx.client("10.1.2.3", List.of("203.0.113.7, " + junk)), junk);
    }
    assertEquals("203.0.113.7", nginx.client("10.1.2.3", List.of("junk, 203.0.113.7")));
    assertEquals("10.1.2.3", nginx.client("10.1.2.3", List.of()));
  }

  @Test
  void blocksMatchOnTheirPrefix() {
    TrustedProxies blocks = new TrustedProxies(List.of("192.168.4.0/22", "2001:db8:a::/48"));
    assertEquals("1.1.1.1", blocks.client("192.168.7.255", List.of("1.1.1.1")));
    assertEquals("192.168.8.0", blocks.client("192.168.8.0", List.of("1.1.1.1")));
    assertEquals("1.1.1.1", blocks.client("2001:db8:a:ffff::1", List.of("1.1.1.1")));
    assertEquals("2001:db8:b::1", blocks.client("2001:db8:b::1", List.of("1.1.1.1")));
    assertEquals(
        "1.1.1.1", new TrustedProxies(List.of("0.0.0.0/0")).client("8.8.8.8", List.of("1.1.1.1")));
  }

  @Test
  void anEntryThatIsNoAddressIsRefusedAtStart() {
    for (String entry :
        new String[] {"nginx", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0", "", "1.2.3.4/"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of(entry)));
      assertTrue(e.getMessage().contains("smartsession.proxy.trusted-addresses"), e.getMessage());
    }
  }
}
