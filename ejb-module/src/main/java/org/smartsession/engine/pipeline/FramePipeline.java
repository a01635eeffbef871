package org.smartsession.engine.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.smartsession.engine.config.EngineSettings;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.engine.session.StudentKey;
import org.smartsession.model.protocol.VideoFrame;

/** Where WebSocket threads hand over frames; the container's managed executor runs the workers. */
@ApplicationScoped
public class FramePipeline {

  @Resource ManagedExecutorService executor;
  @Inject EngineSettings settings;
  @Inject FrameProcessor processor;

  private FrameQueue queue;

  @PostConstruct
  void start() {
    queue =
        new FrameQueue(
            executor,
            settings.frameWorkers(),
            settings.maxStudents(),
            settings.staleAfterMs(),
            processor::process,
            System::currentTimeMillis);
  }

  /** Queues the frame and returns at once; never blocks the caller. */
  public FrameQueue.Offer submit(ConnectedStudent student, VideoFrame frame) {
    return queue.offer(new IncomingFrame(student, frame, System.currentTimeMillis()));
  }

  public void forget(StudentKey student) {
    queue.remove(student);
  }

  public FrameQueue queue() {
    return queue;
  }
}
