package org.smartsession.model.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.HeadPose;
import org.smartsession.model.session.StudentStatus;

/**
 * Scores one student's frames from their face landmarks and head pose, following the customer's
 * rules (see {@code model/SCORING.md}). Time is the frames' capture time: an older or repeated
 * frame is ignored and answered with the previous assessment without alerts; a pause longer than
 * the maximum frame gap counts as nothing observed. Until the student is calibrated, a face in view
 * is PRESENT without scores; presence and integrity alerts work from the first frame.
 */
final class LandmarkStudentAssessor implements StudentAssessor {
  private final ScoringSettings settings;
  private final boolean exam;
  private final FrameTimeline timeline;
  private final CalibrationRecorder calibration;
  private final EyebrowFurrowIndicator furrow;
  private final GazeShiftCounter gazeShifts;
  private final HeadTiltIndicator headTilt;
  private final MicroExpressionCounter microExpressions;
  private final ConfusionScorer confusion;
  private final EngagementScorer engagement;
  private final IntegrityMonitor integrity;
  private Assessment latest;

  LandmarkStudentAssessor(ScoringSettings settings, boolean exam) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.exam = exam;
    this.timeline = new FrameTimeline(settings.maxFrameGapMs(), settings.clockResetMs());
    this.calibration = new CalibrationRecorder(settings);
    this.furrow = new EyebrowFurrowIndicator(settings.furrow());
    this.gazeShifts = new GazeShiftCounter(settings.gaze());
    this.headTilt = new HeadTiltIndicator(settings.headTilt(), settings.toleratedMisses());
    this.microExpressions = new MicroExpressionCounter(settings.microExpressions());
    this.confusion = new ConfusionScorer(settings);
    this.engagement = new EngagementScorer(settings);
    this.integrity = new IntegrityMonitor(settings, exam);
  }

  @Override
  public Assessment assess(FrameObservation frame) {
    Objects.requireNonNull(frame, "frame");
    FrameTimeline.Step step = timeline.accept(frame.timestamp());
    if (step == FrameTimeline.Step.STALE) {
      return latest != null ? withoutAlerts(latest) : Assessment.unavailable();
    }
    if (step == FrameTimeline.Step.START && latest != null) {
      resetAffect();
      integrity.restart();
    }
    boolean pause = step == FrameTimeline.Step.GAP;
    long t = frame.timestamp();

    List<Face> faces = countedFaces(frame.faces());
    Face main = mainFace(faces);
    FaceMeasurements measured = main == null ? null : FaceMeasurements.of(main);
    HeadPose pose =
        measured != null
            ? measured.pose()
            : main == null ? null : FaceMeasurements.finitePose(main.pose());
    if (faces.size() == 1) {
      calibration.offer(t, measured);
    }
    Baseline baseline = calibration.baseline();
    boolean blocked = faces.isEmpty() && looksBlocked(frame);
    List<RaisedAlert> alerts =
        integrity.update(
            new IntegritySignals(
                t, pause, faces.size(), blocked, isLookingAway(baseline, measured, pose)));

    latest =
        settings.affectInference()
            ? withAffect(t, pause, faces.size(), measured, baseline, blocked, alerts)
            : presenceOnly(faces.size(), blocked, alerts);
    return latest;
  }

  @Override
  public void recalibrate() {
    calibration.restart();
    resetAffect();
  }

  /** True once the student's neutral has been learnt. */
  boolean isCalibrated() {
    return calibration.isCalibrated();
  }

  private Assessment presenceOnly(int faces, boolean blocked, List<RaisedAlert> alerts) {
    if (faces == 0) {
      return new Assessment(
          StudentStatus.DISENGAGED, null, null, Map.of(), noFaceFeedback(blocked), alerts);
    }
    return new Assessment(
        StudentStatus.PRESENT, null, null, Map.of(), presentFeedback(faces), alerts);
  }

  private Assessment withAffect(
      long t,
      boolean pause,
      int faces,
      FaceMeasurements measured,
      Baseline baseline,
      boolean blocked,
      List<RaisedAlert> alerts) {
    if (faces == 0 || measured == null || !calibration.isCalibrated()) {
      // Nothing to judge: the streaks break and the next frame has no face to compare with.
      headTilt.update(t, Double.NaN, pause);
      confusion.breakStreak();
      microExpressions.forgetPrevious();
      if (faces == 0) {
        return new Assessment(
            StudentStatus.DISENGAGED, null, 0.0, Map.of(), noFaceFeedback(blocked), alerts);
      }
      StudentFeedback feedback =
          measured != null && presentFeedback(faces) == StudentFeedback.IN_VIEW
              ? StudentFeedback.CALIBRATING
              : presentFeedback(faces);
      return new Assessment(StudentStatus.PRESENT, null, null, Map.of(), feedback, alerts);
    }

    double furrowScore = furrow.score(measured.browGap(), baseline.browGap());
    double gazeScore = gazeShifts.update(t, baseline.gazeDeviation(measured.gaze()));
    double headScore = headTilt.update(t, baseline.headDeviation(measured.pose()), pause);
    double microScore = microExpressions.update(t, measured);
    ConfusionScorer.Reading confused =
        confusion.update(t, furrowScore, gazeScore, headScore, microScore, pause);
    EngagementScorer.Reading engaged = engagement.update(t, measured, baseline, pause);

    Map<String, Double> indicators = new LinkedHashMap<>();
    indicators.put(Indicators.EYEBROW_FURROW, furrowScore);
    indicators.put(Indicators.GAZE_SHIFTS, gazeScore);
    indicators.put(Indicators.HEAD_TILT, headScore);
    indicators.put(Indicators.MICRO_EXPRESSIONS, microScore);
    indicators.put(Indicators.CONFUSION_RAW, confused.raw());
    indicators.putAll(engaged.parts());

    StudentStatus status = confused.confused() ? StudentStatus.CONFUSED : StudentStatus.ENGAGED;
    return new Assessment(
        status,
        confused.smoothed(),
        engaged.smoothed(),
        indicators,
        affectFeedback(faces, confused.confused(), engaged.smoothed()),
        alerts);
  }

  private StudentFeedback affectFeedback(int faces, boolean confused, double engagementScore) {
    if (presentFeedback(faces) != StudentFeedback.IN_VIEW) {
      return presentFeedback(faces);
    }
    if (confused) {
      return exam ? StudentFeedback.CONFUSED_EXAM : StudentFeedback.CONFUSED_CLASS;
    }
    return engagementScore < settings.engagement().lowBelow()
        ? StudentFeedback.LOW_ENGAGEMENT
        : StudentFeedback.ENGAGED;
  }

  /** In an exam only one person belongs on camera; in class a neighbour is no concern. */
  private StudentFeedback presentFeedback(int faces) {
    return exam && faces >= 2 ? StudentFeedback.SEVERAL_FACES : StudentFeedback.IN_VIEW;
  }

  private static StudentFeedback noFaceFeedback(boolean blocked) {
    return blocked ? StudentFeedback.CAMERA_BLOCKED : StudentFeedback.NO_FACE;
  }

  private List<Face> countedFaces(List<Face> faces) {
    List<Face> counted = new ArrayList<>(faces.size());
    for (Face face : faces) {
      // An unknown (NaN) detector score does not hide a face.
      if (face != null && !(face.score() < settings.minFaceScore())) {
        counted.add(face);
      }
    }
    return counted;
  }

  /** The student's own face: the largest one with landmarks, else the largest one. */
  private static Face mainFace(List<Face> faces) {
    Comparator<Face> bySize = Comparator.comparingDouble(LandmarkStudentAssessor::area);
    return faces.stream()
        .max(Comparator.comparing((Face f) -> f.hasLandmarks()).thenComparing(bySize))
        .orElse(null);
  }

  private static double area(Face face) {
    double area = face.box().width() * face.box().height();
    return Double.isFinite(area) ? area : 0;
  }

  private boolean looksBlocked(FrameObservation frame) {
    ScoringSettings.Alerts alerts = settings.alerts();
    return frame.meanLuma() < alerts.darkMeanLumaBelow()
        || frame.lumaStdDev() < alerts.uniformLumaStdDevBelow();
  }

  private boolean isLookingAway(Baseline baseline, FaceMeasurements measured, HeadPose pose) {
    ScoringSettings.Alerts alerts = settings.alerts();
    boolean headAway = baseline.headDeviation(pose) > alerts.lookingAwayHeadDegrees();
    boolean gazeAway =
        measured != null
            && baseline.gazeDeviation(measured.gaze()) > alerts.lookingAwayGazeOffset();
    return headAway || gazeAway;
  }

  private void resetAffect() {
    gazeShifts.reset();
    headTilt.reset();
    microExpressions.reset();
    confusion.reset();
    engagement.reset();
  }

  private static Assessment withoutAlerts(Assessment previous) {
    return new Assessment(
        previous.status(),
        previous.confusion(),
        previous.engagement(),
        previous.indicators(),
        previous.feedback(),
        List.of());
  }
}
