package org.smartsession.engine.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.alerts.AlertService;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.ReadyAnalyzer;
import org.smartsession.engine.events.FeedbackReady;
import org.smartsession.engine.events.FrameRejected;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.ErrorMessage;
import org.smartsession.model.protocol.Feedback;
import org.smartsession.model.scoring.Assessment;
import org.smartsession.model.scoring.FrameObservation;
import org.smartsession.model.scoring.RaisedAlert;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;

/**
 * What a frame worker does with one frame: decode and validate it, find faces, assess the student,
 * save the new state, raise alerts and send the student feedback.
 */
@ApplicationScoped
public class FrameProcessor {
  private static final Logger LOG = Logger.getLogger(FrameProcessor.class.getName());

  @Inject ReadyAnalyzer analyzer;
  @Inject SessionStore store;
  @Inject AlertService alerts;
  @Inject Event<FeedbackReady> feedback;
  @Inject Event<FrameRejected> rejected;

  @Inject JpegFrameDecoder decoder;

  public void process(IncomingFrame incoming) {
    ConnectedStudent student = incoming.student();
    Assessment assessment;
    int faces;
    try (DecodedFrame frame = decoder.decodeBase64(incoming.frame().base64Payload())) {
      FaceAnalyzer ready = analyzer.get().orElse(null);
      if (ready == null) {
        assessment = Assessment.unavailable();
        faces = 0;
      } else {
        FaceAnalysis analysis = student.tracker(ready).analyze(frame, incoming.frame().timestamp());
        faces = analysis.faceCount();
        if (student.takeRecalibrationRequest()) {
          student.assessor().recalibrate();
        }
        assessment = student.assessor().assess(observe(incoming, frame, analysis.faces()));
      }
    } catch (FrameRejectedException e) {
      rejected.fire(
          new FrameRejected(
              student.key(), new ErrorMessage(ErrorCode.INVALID_FRAME.name(), e.getMessage())));
      return;
    }
    long now = System.currentTimeMillis();
    StudentState state =
        new StudentState(
            student.key().sessionId(),
            student.key().studentId(),
            student.name(),
            assessment.status(),
            assessment.confusion(),
            assessment.engagement(),
            assessment.indicators(),
            faces,
            incoming.frame().timestamp(),
            now);
    save(state);
    for (RaisedAlert alert : assessment.alerts()) {
      alerts.raise(student.key(), alert, incoming.frame().frame());
    }
    feedback.fire(
        new FeedbackReady(
            student.key(),
            new Feedback(
                assessment.confusion(),
                assessment.engagement(),
                assessment.status().name(),
                assessment.feedbackMessage())));
  }

  private static FrameObservation observe(
      IncomingFrame incoming, DecodedFrame frame, List<Face> faces) {
    return new FrameObservation(
        incoming.frame().timestamp(),
        frame.width(),
        frame.height(),
        faces,
        frame.meanLuma(),
        frame.lumaStdDev());
  }

  /** A store outage must not stop feedback: the state is logged as lost, the session goes on. */
  private void save(StudentState state) {
    try {
      store.saveStudentState(state);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not save the state of " + state.studentId(), e);
    }
  }
}
