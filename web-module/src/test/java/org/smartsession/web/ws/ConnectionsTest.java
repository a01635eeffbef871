package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The heartbeat over a group of connections: who is pinged, who is closed. */
class ConnectionsTest {
  private final Connections<String> connections = new Connections<>();

  @Test
  void connectionsThatPongedSinceTheCutOffArePinged() {
    PingedPeer first = new PingedPeer();
    PingedPeer second = new PingedPeer();
    PingedPeer other = new PingedPeer();
    long cutOff = System.currentTimeMillis();
    connections.add("S-1", first.session);
    connections.add("S-1", second.session);
    connections.add("S-2", other.session);

    connections.heartbeat(cutOff);

    for (PingedPeer peer : List.of(first, second, other)) {
      assertEquals(1, peer.pings, peer.id);
      assertTrue(peer.closes.isEmpty(), peer.id);
    }
  }

  @Test
  void aConnectionSilentSinceBeforeTheCutOffIsClosedGoingAway() {
    PingedPeer peer = new PingedPeer();
    connections.add("S-1", peer.session);
    long cutOff = System.currentTimeMillis() + 1;

    connections.heartbeat(cutOff);

    assertTrue(peer.closedGoingAway(), "closed with " + peer.closes);
    assertEquals(0, peer.pings);
  }

  @Test
  void onlyTheSilentConnectionIsClosed() {
    PingedPeer silent = new PingedPeer();
    PingedPeer answering = new PingedPeer();
    long cutOff = System.currentTimeMillis();
    connections.add("S-1", silent.session);
    connections.add("S-1", answering.session);
    silent.pongedAt(cutOff - 1);

    connections.heartbeat(cutOff);

    assertTrue(silent.closedGoingAway(), "closed with " + silent.closes);
    assertEquals(0, silent.pings);
    assertTrue(answering.closes.isEmpty());
    assertEquals(1, answering.pings);
  }

  @Test
  void aPongKeepsAConnectionAlive() {
    PingedPeer peer = new PingedPeer();
    connections.add("S-1", peer.session);
    long cutOff = System.currentTimeMillis();
    peer.pongedAt(cutOff - 60_000);

    Connections.ponged(peer.session);
    connections.heartbeat(cutOff);

    assertTrue(peer.closes.isEmpty(), "closed with " + peer.closes);
    assertEquals(1, peer.pings);
  }

  @Test
  void aConnectionNoLongerOpenIsNotPinged() {
    PingedPeer gone = new PingedPeer();
    PingedPeer open = new PingedPeer();
    long cutOff = System.currentTimeMillis();
    connections.add("S-1", gone.session);
    connections.add("S-1", open.session);
    gone.open = false;

    connections.heartbeat(cutOff);

    assertEquals(0, gone.pings);
    assertEquals(1, open.pings);
  }

  @Test
  void aFailedPingDoesNotStopTheOthers() {
    PingedPeer failing = new PingedPeer();
    PingedPeer other = new PingedPeer();
    long cutOff = System.currentTimeMillis();
    connections.add("S-1", failing.session);
    connections.add("S-1", other.session);
    failing.pingFails = true;

    connections.heartbeat(cutOff);

    assertEquals(1, other.pings);
    assertTrue(failing.closes.isEmpty(), "a failed ping alone closes nothing");
  }

  @Test
  void aRemovedConnectionIsLeftAlone() {
    PingedPeer peer = new PingedPeer();
    connections.add("S-1", peer.session);
    connections.remove("S-1", peer.session);

    connections.heartbeat(System.currentTimeMillis() + 1);

    assertEquals(0, peer.pings);
    assertTrue(peer.closes.isEmpty());
    assertTrue(connections.of("S-1").isEmpty());
    assertEquals(Set.of(), connections.keys());
  }
}
