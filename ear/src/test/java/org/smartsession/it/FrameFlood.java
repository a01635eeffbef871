package org.smartsession.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Students of one session, each sending a real face at a fixed rate at evenly spread phases: more
 * frames than a server's workers analyse, when there are enough of them. Stopping ends the frames
 * and keeps the sockets; closing closes them too.
 */
final class FrameFlood implements AutoCloseable {
  private final ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
  private final List<WsClient> students = new ArrayList<>();
  private final AtomicLong sent = new AtomicLong();

  /** {@code count} students joined on {@code server} as {@code prefix}0, 1, ... */
  static FrameFlood start(Server server, String sessionId, String prefix, int count, int fps)
      throws Exception {
    FrameFlood flood = new FrameFlood();
    try {
      for (int i = 0; i < count; i++) {
        flood.students.add(
            WsClient.connect(server.join(sessionId, prefix + i, "Student " + prefix + i)));
      }
      String frame = Frames.dataUrl(Frames.oneFace());
      long period = 1000L / fps;
      for (int i = 0; i < count; i++) {
        WsClient student = flood.students.get(i);
        String id = prefix + i;
        flood.senders.scheduleAtFixedRate(
            () -> {
              try {
                student.send(Frames.videoFrame(sessionId, id, System.currentTimeMillis(), frame));
                flood.sent.incrementAndGet();
              } catch (RuntimeException e) {
                // A closed connection shows in the test's own assertions.
              }
            },
            i * period / count,
            period,
            TimeUnit.MILLISECONDS);
      }
      return flood;
    } catch (Exception | Error e) {
      flood.close();
      throw e;
    }
  }

  WsClient student(int i) {
    return students.get(i);
  }

  long sent() {
    return sent.get();
  }

  /** No more frames; the sockets stay open. */
  void stop() throws InterruptedException {
    senders.shutdownNow();
    if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the senders did not stop");
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
    students.forEach(WsClient::close);
  }
}
