package org.smartsession.model.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smartsession.model.scoring.SyntheticFace.emptyFrame;
import static org.smartsession.model.scoring.SyntheticFace.frame;
import static org.smartsession.model.scoring.SyntheticFace.neutral;
import static org.smartsession.model.scoring.SyntheticFace.neutralFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.smartsession.model.alerts.AlertType;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceBox;
import org.smartsession.model.face.HeadPose;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentStatus;

/** One student's frames end to end: calibration, scores, status, feedback and alerts. */
class StudentAssessorTest {

  @Test
  void presentWithoutScoresWhileCalibratingThenEngaged() {
    Student student = Student.inClass();

    Assessment first = student.see(neutralFrame(0));
    assertEquals(StudentStatus.PRESENT, first.status());
    assertNull(first.confusion());
    assertNull(first.engagement());
    assertEquals(Map.of(), first.indicators());
    assertEquals(StudentFeedback.CALIBRATING, first.feedback());

    Assessment stillCalibrating = student.see(0, 2_500, 500, SyntheticFace::neutralFrame);
    assertEquals(StudentStatus.PRESENT, stillCalibrating.status());

    Assessment calibrated = student.see(neutralFrame(3_000));
    assertEquals(StudentStatus.ENGAGED, calibrated.status());
    assertEquals(0, calibrated.confusion(), 1e-9);
    assertEquals(1, calibrated.engagement(), 1e-9);
    assertEquals(
        Set.of(
            "eyebrowFurrow",
            "gazeShifts",
            "headTilt",
            "microExpressions",
            "confusionRaw",
            "gazeOnScreen",
            "headFrontal",
            "eyesOpen"),
        calibrated.indicators().keySet());
    assertEquals(StudentFeedback.ENGAGED, calibrated.feedback());
  }

  @Test
  void browsDrawingTogetherRaiseTheFurrowIndicatorSteadily() {
    Student student = Student.inClass().calibrated(0);
    List<Double> furrow = new ArrayList<>();
    // From 25 px to 18 px over 7 s, a pixel a second, at 2 frames per second.
    for (long t = 3_500; t <= 10_500; t += 500) {
      double gap = 25 - (t - 3_500) / 1_000.0;
      furrow.add(
          student
              .see(frame(t, neutral().browGap(gap).face()))
              .indicators()
              .get(Indicators.EYEBROW_FURROW));
    }

    assertEquals(0, furrow.get(0), 1e-9);
    for (int i = 1; i < furrow.size(); i++) {
      assertTrue(furrow.get(i) > furrow.get(i - 1), "rising at frame " + i);
    }
    assertEquals(3.5 / 7, furrow.get(7), 1e-6, "21.5 px is half way");
    assertEquals(1, furrow.get(furrow.size() - 1), 1e-6);
  }

  @Test
  void gazeFlickingFourTimesInFiveSecondsScores0point8() {
    Student student = Student.inClass().calibrated(0);
    Assessment last = null;
    for (int i = 0; i < 9; i++) {
      // Looks aside at 3.5, 4.5, 5.5 and 6.5 s, back in between and after.
      double dx = i % 2 == 0 && i < 8 ? 8 : 0;
      last = student.see(frame(3_500 + i * 500L, neutral().iris(dx, 0).face()));
    }

    assertEquals(0.8, last.indicators().get(Indicators.GAZE_SHIFTS), 1e-9);
    assertEquals(0.4 * 0.8, last.indicators().get(Indicators.CONFUSION_RAW), 1e-9);
  }

  @Test
  void headTurnedTwentyDegreesFromAnAngledCameraForFourSecondsCounts() {
    Student student = Student.inClass();
    // The camera sits to the side: the student's neutral is 10 degrees of yaw.
    student.see(0, 3_000, 500, t -> frame(t, neutral().pose(0, 10).face()));
    assertEquals(0, student.last.indicators().get(Indicators.HEAD_TILT), 1e-9);

    Assessment turned = student.see(3_500, 7_500, 500, t -> frame(t, neutral().pose(0, 30).face()));

    assertEquals(20.0 / 30, turned.indicators().get(Indicators.HEAD_TILT), 1e-9);
  }

  @Test
  void headTurnsShownOnlyByTheMeshCountToo() {
    Student student = Student.inExam();
    student.see(0, 3_000, 500, t -> frame(t, neutral().poseInMeshOnly().pose(0, 0).face()));

    Assessment turned =
        student.see(
            3_500, 7_500, 500, t -> frame(t, neutral().poseInMeshOnly().pose(0, 20).face()));
    assertEquals(20.0 / 30, turned.indicators().get(Indicators.HEAD_TILT), 1e-4);

    student.see(8_000, 16_000, 500, t -> frame(t, neutral().poseInMeshOnly().pose(0, 35).face()));
    assertEquals(List.of(AlertType.LOOKING_AWAY), student.alertTypes());
  }

  @Test
  void headTurnedTwentyDegreesForTwoSecondsDoesNotCount() {
    Student student = Student.inClass().calibrated(0);
    double highest = 0;
    for (long t = 3_500; t <= 10_000; t += 500) {
      double yaw = t <= 5_500 ? 20 : 0;
      Assessment a = student.see(frame(t, neutral().pose(0, yaw).face()));
      highest = Math.max(highest, a.indicators().get(Indicators.HEAD_TILT));
    }

    assertEquals(0, highest, 1e-9);
  }

  @Test
  void rapidMouthMovementScoresMicroExpressions() {
    Student student = Student.inClass().calibrated(0);
    Assessment last =
        student.see(
            3_250, 5_000, 250, t -> frame(t, neutral().mouthOpen(t % 500 == 0 ? 10 : 40).face()));

    assertEquals(1, last.indicators().get(Indicators.MICRO_EXPRESSIONS), 1e-9);
  }

  @Test
  void furrowAndRestlessGazeMakeAStudentConfusedAfterThreeFramesAboveThreshold() {
    Student student = Student.inClass().calibrated(0);
    List<Assessment> seen = new ArrayList<>();
    for (long t = 3_500; t <= 15_000; t += 500) {
      double dx = t % 1_000 == 0 ? 8 : 0;
      seen.add(student.see(frame(t, neutral().browGap(18).iris(dx, 0).face())));
    }

    int firstAbove = -1;
    for (int i = 0; i < seen.size() && firstAbove < 0; i++) {
      if (seen.get(i).confusion() > 0.6) {
        firstAbove = i;
      }
    }
    assertTrue(firstAbove > 0, "smoothed confusion crosses 0.6");
    for (int i = 0; i < firstAbove + 2; i++) {
      assertEquals(StudentStatus.ENGAGED, seen.get(i).status(), "frame " + i);
    }
    assertEquals(StudentStatus.CONFUSED, seen.get(firstAbove + 2).status());
    Assessment last = seen.get(seen.size() - 1);
    assertEquals(StudentStatus.CONFUSED, last.status());
    assertEquals(0.7, last.confusion(), 1e-9);
    assertEquals(1, last.indicators().get(Indicators.EYEBROW_FURROW), 1e-9);
    assertEquals(1, last.indicators().get(Indicators.GAZE_SHIFTS), 1e-9);
    assertEquals(StudentFeedback.CONFUSED_CLASS, last.feedback());
  }

  @Test
  void noFaceMeansDisengagedWithEngagementZero() {
    Student student = Student.inClass().calibrated(0);

    Assessment gone = student.see(emptyFrame(3_500));

    assertEquals(StudentStatus.DISENGAGED, gone.status());
    assertEquals(0.0, gone.engagement());
    assertNull(gone.confusion());
    assertEquals(StudentFeedback.NO_FACE, gone.feedback());
    assertTrue(gone.alerts().isEmpty());
  }

  @Test
  void closedEyesAndAGlanceAsideLowerEngagementAndEncourageFocus() {
    Student student = Student.inClass().calibrated(0);

    Assessment drowsy =
        student.see(3_500, 9_000, 500, t -> frame(t, neutral().lidGap(2).iris(10, 0).face()));

    assertEquals(0, drowsy.indicators().get(Indicators.EYES_OPEN), 1e-9);
    assertEquals(0, drowsy.indicators().get(Indicators.GAZE_ON_SCREEN), 1e-9);
    assertEquals(1, drowsy.indicators().get(Indicators.HEAD_FRONTAL), 1e-9);
    assertEquals(0.3, drowsy.engagement(), 1e-9);
    assertEquals(StudentStatus.ENGAGED, drowsy.status());
    assertEquals(StudentFeedback.LOW_ENGAGEMENT, drowsy.feedback());
  }

  @Test
  void withoutAHeadPoseEngagementUsesGazeAndEyes() {
    Student student = Student.inClass();
    Assessment a =
        student.see(0, 3_000, 500, t -> frame(t, neutral().pose((HeadPose) null).face()));

    assertEquals(StudentStatus.ENGAGED, a.status());
    assertFalse(a.indicators().containsKey(Indicators.HEAD_FRONTAL));
    assertEquals(0, a.indicators().get(Indicators.HEAD_TILT), 1e-9);
    assertEquals(1, a.engagement(), 1e-9);
  }

  @Test
  void notANumberInLandmarksPoseOrLumaNeverCrashesNorScoresNaN() {
    Student student = Student.inExam().calibrated(0);

    Assessment brokenMesh = student.see(frame(3_500, neutral().notANumberAt(55).face()));
    assertEquals(StudentStatus.PRESENT, brokenMesh.status());
    assertNull(brokenMesh.confusion());
    assertNull(brokenMesh.engagement());

    HeadPose nanPose = new HeadPose(Double.NaN, Double.POSITIVE_INFINITY, 0);
    Assessment brokenPose = student.see(frame(4_000, neutral().pose(nanPose).face()));
    assertEquals(StudentStatus.ENGAGED, brokenPose.status());
    assertEquals(1, brokenPose.engagement(), 1e-9);

    Face nanScore = new Face(neutral().box(), Double.NaN, neutral().landmarks(), Double.NaN, null);
    Assessment nanEverywhere =
        student.see(
            new FrameObservation(4_500, 640, 480, List.of(nanScore), Double.NaN, Double.NaN));
    assertEquals(StudentStatus.ENGAGED, nanEverywhere.status());

    Face noMesh = new Face(new FaceBox(0, 0, 0, 0), 0.9, null, 0.9, null);
    assertEquals(StudentStatus.PRESENT, student.see(frame(5_000, noMesh)).status());

    Assessment back = student.see(neutralFrame(5_500));
    assertEquals(StudentStatus.ENGAGED, back.status());
    assertTrue(student.alerts.isEmpty());
  }

  @Test
  void aTwentySecondGapIsNotTwentySecondsOfLookingAway() {
    Student student = Student.inExam().calibrated(0);
    LongFunction<FrameObservation> away = t -> frame(t, neutral().pose(0, 40).face());

    student.see(3_500, 6_000, 500, away);
    student.see(26_000, 30_000, 500, away);
    assertTrue(student.alerts.isEmpty(), "2.5 s + 4 s apart are not 8 s");

    student.see(30_500, 34_000, 500, away);
    assertEquals(List.of(AlertType.LOOKING_AWAY), student.alertTypes());
    assertEquals(34_000, student.alerts.get(0).timestamp());
    assertEquals(8_000, student.alerts.get(0).durationMs());
  }

  @Test
  void aGapRestartsTheHeadTiltClock() {
    Student student = Student.inClass().calibrated(0);
    student.see(3_500, 5_000, 500, t -> frame(t, neutral().pose(0, 20).face()));

    Assessment afterGap = student.see(frame(25_000, neutral().pose(0, 20).face()));
    assertEquals(0, afterGap.indicators().get(Indicators.HEAD_TILT), 1e-9);

    Assessment later =
        student.see(25_500, 28_500, 500, t -> frame(t, neutral().pose(0, 20).face()));
    assertEquals(20.0 / 30, later.indicators().get(Indicators.HEAD_TILT), 1e-9);
  }

  @Test
  void anOlderFrameIsIgnoredWithoutAlertsAndWithoutDisturbingTheWindows() {
    Student student = Student.inExam().calibrated(0);
    // Gone from 3.5 s; late frames with a face, captured earlier, arrive in between.
    for (long t = 3_500; t <= 13_500; t += 500) {
      student.see(emptyFrame(t));
      Assessment late = student.see(neutralFrame(t - 700));
      assertEquals(StudentStatus.DISENGAGED, late.status(), "the latest state stands");
      assertTrue(late.alerts().isEmpty());
    }

    assertEquals(List.of(AlertType.NO_FACE), student.alertTypes());
    assertEquals(13_500, student.alerts.get(0).timestamp());
    assertEquals(10_000, student.alerts.get(0).durationMs());
  }

  @Test
  void aRepeatedFrameRepeatsTheAssessmentWithoutItsAlerts() {
    Student student = Student.inExam();
    student.see(0, 1_000, 500, t -> frame(t, neutral().face(), neutral().shift(150, 0).face()));
    assertEquals(List.of(AlertType.MULTIPLE_FACES), student.alertTypes());

    Assessment repeated =
        student.see(frame(1_000, neutral().face(), neutral().shift(150, 0).face()));

    assertTrue(repeated.alerts().isEmpty());
    assertEquals(StudentStatus.PRESENT, repeated.status());
    assertEquals(StudentFeedback.SEVERAL_FACES, repeated.feedback());
  }

  @Test
  void aClockSetFarBackStartsTimingOverInsteadOfIgnoringEveryFrame() {
    Student student = Student.inClass().calibrated(1_000_000);

    Assessment reset = student.see(neutralFrame(5_000));
    assertEquals(StudentStatus.ENGAGED, reset.status(), "calibration survives a clock reset");
    assertEquals(1, reset.engagement(), 1e-9);
    assertEquals(StudentStatus.DISENGAGED, student.see(emptyFrame(5_500)).status());
  }

  @Test
  void irregularFrameRatesKeepTimeByCaptureTimestamps() {
    long[] steps = {200, 1_000, 350, 800, 200, 600, 1_000, 250, 450, 900};
    Student student = Student.inExam().calibrated(0);
    long t = 3_000;
    long goneAt = -1;
    int i = 0;
    while (student.alerts.isEmpty()) {
      t += steps[i++ % steps.length];
      if (goneAt < 0) {
        goneAt = t;
      }
      student.see(emptyFrame(t));
    }

    RaisedAlert alert = student.alerts.get(0);
    assertEquals(AlertType.NO_FACE, alert.type());
    assertTrue(alert.durationMs() >= 10_000 && alert.durationMs() < 11_000, "" + alert);
    assertEquals(goneAt + alert.durationMs(), alert.timestamp());
  }

  @Test
  void headTiltCountsAfterThreeSecondsAtAnyFrameRate() {
    for (long step : new long[] {200, 1_000}) {
      Student student = Student.inClass().calibrated(0);
      Assessment a = student.see(3_500, 6_500, step, t -> frame(t, neutral().pose(20, 0).face()));
      assertEquals(0, a.indicators().get(Indicators.HEAD_TILT), 1e-9, step + " ms at 3 s");
      a = student.see(6_500 + step, 7_500, step, t -> frame(t, neutral().pose(20, 0).face()));
      assertEquals(20.0 / 30, a.indicators().get(Indicators.HEAD_TILT), 1e-9, step + " ms");
    }
  }

  @Test
  void aSecondPersonWhoStaysRaisesMultipleFacesOnce() {
    Student student = Student.inExam().calibrated(0);
    student.see(
        3_500,
        123_500,
        500,
        t -> frame(t, neutral().face(), neutral().scale(0.6).shift(180, 0).face()));

    assertEquals(List.of(AlertType.MULTIPLE_FACES), student.alertTypes());
    assertEquals(4_000, student.alerts.get(0).timestamp());
  }

  @Test
  void oneMissedDetectionRaisesNoAlertAndTheScoresCarryOn() {
    Student student = Student.inExam().calibrated(0);
    student.see(3_500, 10_000, 500, SyntheticFace::neutralFrame);
    student.see(emptyFrame(10_500));
    Assessment back = student.see(11_000, 30_000, 500, SyntheticFace::neutralFrame);

    assertTrue(student.alerts.isEmpty());
    assertEquals(StudentStatus.ENGAGED, back.status());
  }

  @Test
  void faintFacesBelowTheDetectorThresholdAreNotCounted() {
    Student student = Student.inExam().calibrated(0);
    Face faint = new Face(new FaceBox(500, 50, 60, 70), 0.2, null, 0.2, null);
    student.see(3_500, 10_000, 500, t -> frame(t, neutral().face(), faint));

    assertTrue(student.alerts.isEmpty());
  }

  @Test
  void aCoveredCameraIsReportedAsSuchAfterThreeSeconds() {
    Student student = Student.inExam().calibrated(0);
    Assessment covered = student.see(3_500, 20_000, 500, SyntheticFace::coveredFrame);

    assertEquals(StudentStatus.DISENGAGED, covered.status());
    assertEquals(StudentFeedback.CAMERA_BLOCKED, covered.feedback());
    assertEquals(List.of(AlertType.CAMERA_BLOCKED), student.alertTypes());
    assertEquals(6_500, student.alerts.get(0).timestamp());
  }

  @Test
  void lookingAwayIsAnExamAlertOnly() {
    Student exam = Student.inExam().calibrated(0);
    Student lesson = Student.inClass().calibrated(0);
    for (long t = 3_500; t <= 15_000; t += 500) {
      FrameObservation aside = frame(t, neutral().pose(5, -35).face());
      exam.see(aside);
      lesson.see(aside);
    }

    assertEquals(List.of(AlertType.LOOKING_AWAY), exam.alertTypes());
    assertEquals(11_500, exam.alerts.get(0).timestamp());
    assertEquals("Looking away from the screen for 8 s.", exam.alerts.get(0).reason());
    assertTrue(lesson.alerts.isEmpty());
  }

  @Test
  void eyesOnAnotherPageCountAsLookingAway() {
    Student exam = Student.inExam().calibrated(0);
    exam.see(3_500, 12_000, 500, t -> frame(t, neutral().iris(0, 12).face()));

    assertEquals(List.of(AlertType.LOOKING_AWAY), exam.alertTypes());
  }

  @Test
  void affectOffGivesPresenceAndAlertsOnly() {
    Student student =
        new Student(ScoringSettings.DEFAULTS.withAffectInference(false), SessionKind.EXAM);

    List<Assessment> seen = new ArrayList<>();
    for (long t = 0; t <= 10_000; t += 500) {
      seen.add(student.see(frame(t, neutral().browGap(18).iris(t % 1_000 == 0 ? 8 : 0, 0).face())));
    }
    for (Assessment a : seen) {
      assertEquals(StudentStatus.PRESENT, a.status());
      assertNull(a.confusion());
      assertNull(a.engagement());
      assertEquals(Map.of(), a.indicators());
      assertEquals(StudentFeedback.IN_VIEW, a.feedback());
    }

    Assessment gone = student.see(10_500, 21_000, 500, SyntheticFace::emptyFrame);
    assertEquals(StudentStatus.DISENGAGED, gone.status());
    assertNull(gone.engagement());
    assertEquals(StudentFeedback.NO_FACE, gone.feedback());
    assertEquals(List.of(AlertType.NO_FACE), student.alertTypes());
  }

  @Test
  void recalibrationLearnsANewNeutral() {
    Student student = Student.inClass().calibrated(0);
    // The laptop was moved: from now on a frontal look reads as 25 degrees of yaw.
    Assessment moved = student.see(3_500, 8_000, 500, t -> frame(t, neutral().pose(0, 25).face()));
    assertEquals(25.0 / 30, moved.indicators().get(Indicators.HEAD_TILT), 1e-9);

    student.assessor.recalibrate();
    Assessment calibrating = student.see(frame(8_500, neutral().pose(0, 25).face()));
    assertEquals(StudentStatus.PRESENT, calibrating.status());
    assertEquals(StudentFeedback.CALIBRATING, calibrating.feedback());

    Assessment after = student.see(9_000, 11_500, 500, t -> frame(t, neutral().pose(0, 25).face()));
    assertEquals(StudentStatus.ENGAGED, after.status());
    assertEquals(0, after.indicators().get(Indicators.HEAD_TILT), 1e-9);
    assertEquals(1, after.indicators().get(Indicators.HEAD_FRONTAL), 1e-9);
  }

  @Test
  void calibrationUsesTheStudentsOwnBrowGap() {
    Student student = Student.inClass();
    student.see(0, 3_000, 500, t -> frame(t, neutral().browGap(20).face()));

    Assessment same = student.see(frame(3_500, neutral().browGap(20).face()));
    assertEquals(0, same.indicators().get(Indicators.EYEBROW_FURROW), 1e-9);
    Assessment half = student.see(frame(4_000, neutral().browGap(17.2).face()));
    assertEquals(0.5, half.indicators().get(Indicators.EYEBROW_FURROW), 1e-5);
    Assessment furrowed = student.see(frame(4_500, neutral().browGap(14).face()));
    assertEquals(1, furrowed.indicators().get(Indicators.EYEBROW_FURROW), 1e-9);
  }

  @Test
  void oneOddFrameDuringCalibrationDoesNotShiftTheNeutral() {
    Student student = Student.inClass();
    student.see(neutralFrame(0));
    student.see(frame(500, neutral().iris(-8, 0).face()));
    student.see(frame(1_000, neutral().pose(0, -25).face()));
    student.see(frame(1_500, neutral().browGap(19).face()));
    student.see(2_000, 3_000, 500, SyntheticFace::neutralFrame);

    Assessment neutralAgain = student.see(neutralFrame(3_500));
    assertEquals(1, neutralAgain.indicators().get(Indicators.GAZE_ON_SCREEN), 1e-9);
    assertEquals(1, neutralAgain.indicators().get(Indicators.HEAD_FRONTAL), 1e-9);
    Assessment furrowed = student.see(frame(4_000, neutral().browGap(18).face()));
    assertEquals(1, furrowed.indicators().get(Indicators.EYEBROW_FURROW), 1e-6);
  }

  @Test
  void calibrationSkipsBlinksAndTurnedHeads() {
    Student student = Student.inClass();
    student.see(frame(0, neutral().lidGap(2).face()));
    student.see(frame(500, neutral().pose(0, 50).face()));
    student.see(1_000, 3_500, 500, SyntheticFace::neutralFrame);
    assertFalse(student.assessor.isCalibrated(), "frontal frames only span 2.5 s");

    student.see(neutralFrame(4_000));
    assertTrue(student.assessor.isCalibrated());
  }

  @Test
  void severalFacesInAnExamAskForOnlyOnePerson() {
    Student exam = Student.inExam().calibrated(0);
    Student lesson = Student.inClass().calibrated(0);
    FrameObservation two =
        frame(3_500, neutral().face(), neutral().scale(0.5).shift(200, 0).face());

    assertEquals(StudentFeedback.SEVERAL_FACES, exam.see(two).feedback());
    assertEquals(StudentFeedback.ENGAGED, lesson.see(two).feedback());
  }
}
