package org.smartsession.engine.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.alerts.AlertService;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.ReadyAnalyzer;
import org.smartsession.engine.events.FeedbackReady;
import org.smartsession.engine.events.FrameRejected;
import org.smartsession.engine.i18n.StudentMessages;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.FrameRejectedException;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.protocol.ErrorCode;
import org.smartsession.model.protocol.ErrorMessage;
import org.smartsession.model.protocol.Feedback;
import org.smartsession.model.protocol.VideoFrame;
import org.smartsession.model.scoring.Assessment;
import org.smartsession.model.scoring.FrameObservation;
import org.smartsession.model.scoring.RaisedAlert;
import org.smartsession.model.session.SessionStore;
import org.smartsession.model.session.StudentState;

/**
 * The application service behind every frame: decode and validate it, find the faces, assess the
 * student, save their new state, raise alerts and send them feedback. Called by the frame workers,
 * one frame of a student at a time.
 */
@ApplicationScoped
public class AssessmentService {
  private static final Logger LOG = Logger.getLogger(AssessmentService.class.getName());
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean THREAD_CPU = THREADS.isCurrentThreadCpuTimeSupported();

  @Inject JpegFrameDecoder decoder;
  @Inject ReadyAnalyzer analyzer;
  @Inject StudentStreams streams;
  @Inject SessionStore store;
  @Inject AlertService alerts;
  @Inject Event<FeedbackReady> feedback;
  @Inject Event<FrameRejected> rejected;
  @Inject Clock clock;

  /**
   * Assesses one frame of the student's.
   *
   * @return the CPU time this thread spent decoding and analysing the frame (0 where the JVM does
   *     not measure a thread's CPU), so that the metrics can tell the vision's share of the
   *     server's CPU from what the sockets, messages and state around it cost
   */
  public long assess(ConnectedStudent student, VideoFrame frame) {
    StudentStream stream = streams.of(student);
    Assessment assessment;
    int faces;
    long cpuAtStart = threadCpuNanos();
    try (DecodedFrame image = decoder.decodeBase64(frame.base64Payload())) {
      FaceAnalyzer ready = analyzer.get().orElse(null);
      if (ready == null) {
        assessment = Assessment.unavailable();
        faces = 0;
      } else {
        FaceAnalysis analysis = stream.tracker(ready).analyze(image, frame.timestamp());
        faces = analysis.faceCount();
        assessment = stream.assessor().assess(observe(frame, image, analysis.faces()));
      }
    } catch (FrameRejectedException e) {
      rejected.fire(
          new FrameRejected(
              student.key(), new ErrorMessage(ErrorCode.INVALID_FRAME.name(), e.getMessage())));
      return threadCpuNanos() - cpuAtStart;
    }
    long visionCpu = threadCpuNanos() - cpuAtStart;
    if (!streams.isCurrent(student.key(), stream)) {
      // The student's data was deleted while this frame was analysed: nothing is kept.
      return visionCpu;
    }
    save(
        new StudentState(
            student.key().sessionId(),
            student.key().studentId(),
            student.name(),
            assessment.status(),
            assessment.confusion(),
            assessment.engagement(),
            assessment.indicators(),
            faces,
            frame.timestamp(),
            clock.millis()));
    for (RaisedAlert alert : assessment.alerts()) {
      raise(student, alert, frame);
    }
    feedback.fire(
        new FeedbackReady(
            student.key(),
            new Feedback(
                assessment.confusion(),
                assessment.engagement(),
                assessment.status().name(),
                StudentMessages.feedback(student.locale(), assessment.feedback()),
                frame.timestamp())));
    return visionCpu;
  }

  private static long threadCpuNanos() {
    return THREAD_CPU ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private static FrameObservation observe(VideoFrame frame, DecodedFrame image, List<Face> faces) {
    return new FrameObservation(
        frame.timestamp(),
        image.width(),
        image.height(),
        faces,
        image.meanLuma(),
        image.lumaStdDev());
  }

  /** Like a state, an alert the store refuses is logged, and the frame still gets its feedback. */
  private void raise(ConnectedStudent student, RaisedAlert alert, VideoFrame frame) {
    try {
      alerts.raise(student.key(), alert, frame.frame());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not raise " + alert.type() + " for " + student.key(), e);
    }
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
