package org.smartsession.engine.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.smartsession.engine.assessment.AssessmentService;
import org.smartsession.engine.config.FrameQueueSettings;
import org.smartsession.engine.events.StudentLeft;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.protocol.VideoFrame;

/**
 * Where WebSocket threads hand over frames: the {@link FrameQueue}, whose workers run on the
 * container's managed executor and hand each frame to the {@link AssessmentService}.
 */
@ApplicationScoped
public class FramePipeline {

  @Resource ManagedExecutorService executor;
  @Inject FrameQueueSettings settings;
  @Inject AssessmentService assessment;
  @Inject Clock clock;

  private FrameQueue queue;

  @PostConstruct
  void start() {
    queue =
        new FrameQueue(
            executor,
            settings.workers(),
            settings.maxStudents(),
            settings.staleAfterMs(),
            frame -> assessment.assess(frame.student(), frame.frame()),
            clock::millis);
  }

  /** Queues the frame and returns at once; never blocks the caller. */
  public FrameQueue.Offer submit(ConnectedStudent student, VideoFrame frame) {
    return queue.offer(new IncomingFrame(student, frame, clock.millis()));
  }

  void onLeft(@Observes StudentLeft event) {
    queue.remove(event.student());
  }
}
