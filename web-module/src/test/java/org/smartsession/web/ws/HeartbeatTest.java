package org.smartsession.web.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.model.session.StudentKey;

/** The 30-second heartbeat over students' and teachers' connections. */
class HeartbeatTest {
  private final Heartbeat heartbeat = new Heartbeat();
  private final PingedPeer student = new PingedPeer();
  private final PingedPeer teacher = new PingedPeer();
  private final PingedPeer lostStudent = new PingedPeer();
  private final PingedPeer lostTeacher = new PingedPeer();

  @BeforeEach
  void wire() {
    heartbeat.students = new StudentConnections();
    heartbeat.teachers = new TeacherConnections();
    heartbeat.students.add(new StudentKey("S-1", "alice"), student.session);
    heartbeat.students.add(new StudentKey("S-1", "bob"), lostStudent.session);
    heartbeat.teachers.add("S-1", teacher.session);
    heartbeat.teachers.add("S-1", lostTeacher.session);
  }

  @Test
  void thePingsComeEveryThirtySeconds() {
    assertEquals(30_000, Heartbeat.INTERVAL_MS);
  }

  @Test
  void whoAnsweredTheLastPingIsPingedAgainWhoAnsweredNoneOfTheLastTwoIsClosed() {
    long now = System.currentTimeMillis();
    student.pongedAt(now - Heartbeat.INTERVAL_MS);
    teacher.pongedAt(now - Heartbeat.INTERVAL_MS);
    lostStudent.pongedAt(now - 3 * Heartbeat.INTERVAL_MS);
    lostTeacher.pongedAt(now - 3 * Heartbeat.INTERVAL_MS);

    heartbeat.beat();

    for (PingedPeer alive : List.of(student, teacher)) {
      assertEquals(1, alive.pings, alive.id);
      assertTrue(alive.closes.isEmpty(), alive.id);
    }
    for (PingedPeer lost : List.of(lostStudent, lostTeacher)) {
      assertTrue(lost.closedGoingAway(), lost.id + " closed with " + lost.closes);
      assertEquals(0, lost.pings, lost.id);
    }
  }

  @Test
  void aNewConnectionIsPinged() {
    heartbeat.beat();

    for (PingedPeer peer : List.of(student, teacher, lostStudent, lostTeacher)) {
      assertEquals(1, peer.pings, peer.id);
      assertTrue(peer.closes.isEmpty(), peer.id);
    }
  }
}
