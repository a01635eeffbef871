package org.smartsession.engine.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.smartsession.engine.assessment.AssessmentService;
import org.smartsession.engine.config.FramePace;
import org.smartsession.engine.config.FrameQueueSettings;
import org.smartsession.engine.events.FrameAnalysed;
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
  @Inject FramePace pace;
  @Inject AssessmentService assessment;
  @Inject Clock clock;
  @Inject Event<FrameAnalysed> analysed;

  private FrameQueue queue;

  @PostConstruct
  void start() {
    queue =
        new FrameQueue(
            executor,
            settings.workers(),
            settings.maxStudents(),
            settings.staleAfterMs(),
            this::assess,
            clock::millis);
  }

  private void assess(IncomingFrame frame) {
    long waited = clock.millis() - frame.receivedAt();
    long start = System.nanoTime();
    long visionCpu = assessment.assess(frame.student(), frame.frame());
    analysed.fire(new FrameAnalysed(waited, System.nanoTime() - start, visionCpu));
  }

  /** Frames handed to the workers, processed, and dropped (replaced, stale or refused). */
  public long offeredCount() {
    return queue.offeredCount();
  }

  public long processedCount() {
    return queue.processedCount();
  }

  /** The time workers spent on frames since the start, summed over workers. */
  public long busyNanos() {
    return queue.busyNanos();
  }

  public int workers() {
    return queue.workers();
  }

  public long droppedCount() {
    return queue.droppedCount();
  }

  public long droppedCount(FrameQueue.DropReason reason) {
    return queue.droppedCount(reason);
  }

  /** Students whose frames this server takes. */
  public int studentCount() {
    return queue.studentCount();
  }

  /**
   * Queues the frame, at a capture time within the clock tolerance (see {@link
   * ConnectedStudent#frameTime}), and returns at once; never blocks the caller.
   */
  public FrameQueue.Offer submit(ConnectedStudent student, VideoFrame frame) {
    long now = clock.millis();
    long time = student.frameTime(frame.timestamp(), now, pace.clockToleranceMs());
    return queue.offer(new IncomingFrame(student, frame.at(time), now));
  }

  /** Whether frames waited longer than {@code afterMs} with no worker finishing one. */
  public boolean isStuck(long afterMs) {
    return queue.isStuck(afterMs);
  }

  void onLeft(@Observes StudentLeft event) {
    queue.remove(event.student());
  }
}
