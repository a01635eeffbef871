package org.smartsession.engine.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.engine.testing.RecordingAssessor;
import org.smartsession.model.protocol.Command;
import org.smartsession.model.scoring.ScoringSettings;
import org.smartsession.model.scoring.StudentAssessor;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

/** Which students a teacher's RECALIBRATE reaches, and how long stream state lives. */
class StudentStreamsTest {
  private final Map<StudentKey, RecordingAssessor> assessors = new HashMap<>();
  private final StudentStreams streams =
      new StudentStreams() {
        @Override
        StudentAssessor newAssessor(ConnectedStudent student) {
          RecordingAssessor assessor = new RecordingAssessor();
          assessors.put(student.key(), assessor);
          return assessor;
        }
      };

  private final ConnectedStudent alice = student("S-1", "alice");
  private final ConnectedStudent bob = student("S-1", "bob");
  private final ConnectedStudent carol = student("S-2", "carol");

  private static ConnectedStudent student(String session, String id) {
    return new ConnectedStudent(new StudentKey(session, id), id, SessionKind.CLASS, 0);
  }

  @BeforeEach
  void wire() {
    streams.scoring = ScoringSettings.DEFAULTS;
    for (ConnectedStudent s : List.of(alice, bob, carol)) {
      streams.of(s);
    }
  }

  /** Whether the student's assessor recalibrated when next asked for, as before a frame. */
  private boolean recalibrates(ConnectedStudent student) {
    streams.of(student).assessor();
    return assessors.get(student.key()).log().contains("recalibrate");
  }

  private void issue(String session, String command, String studentId) {
    streams.onCommand(new CommandIssued(session, new Command(command, studentId, null)));
  }

  @Test
  void aRecalibrationForOneStudentReachesOnlyThem() {
    issue("S-1", "RECALIBRATE", "alice");

    assertEquals(
        List.of(true, false, false),
        List.of(recalibrates(alice), recalibrates(bob), recalibrates(carol)));
  }

  @Test
  void aRecalibrationForTheSessionReachesEveryStudentOfItOnly() {
    issue("S-1", "RECALIBRATE", null);

    assertEquals(
        List.of(true, true, false),
        List.of(recalibrates(alice), recalibrates(bob), recalibrates(carol)));
  }

  @Test
  void aStudentOfTheSameIdInAnotherSessionIsNotRecalibrated() {
    ConnectedStudent otherAlice = student("S-2", "alice");
    streams.of(otherAlice);

    issue("S-2", "RECALIBRATE", "alice");

    assertEquals(List.of(false, true), List.of(recalibrates(alice), recalibrates(otherAlice)));
  }

  @Test
  void otherCommandsRecalibrateNobody() {
    issue("S-1", "PAUSE_EXAM", null);
    issue("S-1", "RESUME_EXAM", "alice");
    streams.onCommand(new CommandIssued("S-1", new Command("MESSAGE", null, "Five minutes left")));

    assertEquals(List.of(false, false), List.of(recalibrates(alice), recalibrates(bob)));
  }

  @Test
  void aRecalibrationIsCarriedOutOnce() {
    issue("S-1", "RECALIBRATE", "alice");
    streams.of(alice).assessor();
    streams.of(alice).assessor();

    assertEquals(List.of("recalibrate"), assessors.get(alice.key()).log());
  }

  @Test
  void aStudentKeepsTheirStreamUntilTheyLeave() {
    StudentStream first = streams.of(alice);
    assertSame(first, streams.of(alice));
    assertEquals(3, streams.size());

    streams.onLeft(new StudentLeft(alice.key()));
    streams.onLeft(new StudentLeft(new StudentKey("S-1", "nobody")));

    assertEquals(2, streams.size());
    assertNotSame(first, streams.of(alice));
  }
}
