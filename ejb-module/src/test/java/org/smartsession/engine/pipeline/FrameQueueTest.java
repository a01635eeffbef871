package org.smartsession.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.session.ConnectedStudent;
import org.smartsession.model.protocol.VideoFrame;
import org.smartsession.model.session.SessionKind;
import org.smartsession.model.session.StudentKey;

class FrameQueueTest {

  /** Runs submitted tasks only when the test says so. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    }
  }

  private static ConnectedStudent student(String id) {
    return new ConnectedStudent(new StudentKey("SESSION", id), id, SessionKind.CLASS, 0);
  }

  private static IncomingFrame frame(ConnectedStudent student, long timestamp, long receivedAt) {
    return new IncomingFrame(
        student,
        new VideoFrame(
            student.key().studentId(), "SESSION", timestamp, "data:image/jpeg;base64,AA", null),
        receivedAt);
  }

  @Test
  void aNewerFrameReplacesOneStillWaitingAndTheOlderIsCounted() {
    ManualExecutor executor = new ManualExecutor();
    List<Long> processed = new ArrayList<>();
    FrameQueue queue =
        new FrameQueue(executor, 1, 10, 10_000, f -> processed.add(f.frame().timestamp()), () -> 0);
    ConnectedStudent ada = student("ada");
    assertEquals(FrameQueue.Offer.QUEUED, queue.offer(frame(ada, 1, 0)));
    assertEquals(FrameQueue.Offer.REPLACED_OLDER, queue.offer(frame(ada, 2, 0)));
    assertEquals(FrameQueue.Offer.REPLACED_OLDER, queue.offer(frame(ada, 3, 0)));
    executor.runAll();
    assertEquals(List.of(3L), processed);
    assertEquals(2, queue.droppedCount());
    assertEquals(2, queue.droppedCount(ada.key()));
    assertEquals(2, queue.droppedCount(FrameQueue.DropReason.REPLACED));
    assertEquals(1, queue.processedCount());
  }

  @Test
  void anErrorInOneFrameEndsTheWorkerButNotTheStudentsLane() {
    ManualExecutor executor = new ManualExecutor();
    List<Long> processed = new ArrayList<>();
    FrameQueue queue =
        new FrameQueue(
            executor,
            1,
            10,
            10_000,
            f -> {
              if (f.frame().timestamp() == 1) {
                throw new StackOverflowError("from a native library");
              }
              processed.add(f.frame().timestamp());
            },
            () -> 0);
    ConnectedStudent ada = student("ada");
    queue.offer(frame(ada, 1, 0));
    try {
      executor.runAll();
    } catch (StackOverflowError expected) {
      // The worker thread dies with it, as the executor would see.
    }
    assertEquals(FrameQueue.Offer.QUEUED, queue.offer(frame(ada, 2, 0)));
    executor.runAll();
    assertEquals(List.of(2L), processed);
  }

  @Test
  void studentsTakeTurns() {
    ManualExecutor executor = new ManualExecutor();
    List<String> order = new ArrayList<>();
    FrameQueue[] queue = new FrameQueue[1];
    ConnectedStudent ada = student("ada");
    ConnectedStudent bob = student("bob");
    queue[0] =
        new FrameQueue(
            executor,
            1,
            10,
            10_000,
            f -> {
              order.add(f.student().key().studentId() + f.frame().timestamp());
              // Ada sends her next frame while her current one is being processed.
              if (f.student() == ada && f.frame().timestamp() < 3) {
                queue[0].offer(frame(ada, f.frame().timestamp() + 1, 0));
              }
            },
            () -> 0);
    queue[0].offer(frame(ada, 1, 0));
    queue[0].offer(frame(bob, 1, 0));
    executor.runAll();
    assertEquals(List.of("ada1", "bob1", "ada2", "ada3"), order);
  }

  @Test
  void framesThatWaitedTooLongAreDroppedNotProcessed() {
    ManualExecutor executor = new ManualExecutor();
    long[] now = {0};
    List<Long> processed = new ArrayList<>();
    FrameQueue queue =
        new FrameQueue(
            executor, 1, 10, 3000, f -> processed.add(f.frame().timestamp()), () -> now[0]);
    queue.offer(frame(student("ada"), 1, 0));
    now[0] = 3001;
    executor.runAll();
    assertTrue(processed.isEmpty());
    assertEquals(1, queue.droppedCount());
    assertEquals(1, queue.droppedCount(FrameQueue.DropReason.STALE));
    assertEquals(0, queue.droppedCount(FrameQueue.DropReason.REPLACED));
  }

  @Test
  void refusesNewStudentsBeyondCapacityButKeepsServingKnownOnes() {
    ManualExecutor executor = new ManualExecutor();
    FrameQueue queue = new FrameQueue(executor, 1, 2, 10_000, f -> {}, () -> 0);
    assertEquals(FrameQueue.Offer.QUEUED, queue.offer(frame(student("a"), 1, 0)));
    assertEquals(FrameQueue.Offer.QUEUED, queue.offer(frame(student("b"), 1, 0)));
    assertEquals(FrameQueue.Offer.REFUSED, queue.offer(frame(student("c"), 1, 0)));
    assertEquals(FrameQueue.Offer.REPLACED_OLDER, queue.offer(frame(student("a"), 2, 0)));
    queue.remove(new StudentKey("SESSION", "b"));
    assertEquals(FrameQueue.Offer.QUEUED, queue.offer(frame(student("c"), 1, 0)));
  }

  @Test
  void underConcurrentLoadEachStudentIsProcessedOneAtATimeInOrderWithinTheWorkerLimit()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    int workers = 3;
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    ConcurrentHashMap<StudentKey, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    ConcurrentHashMap<StudentKey, Long> lastTimestamp = new ConcurrentHashMap<>();
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    FrameQueue queue =
        new FrameQueue(
            pool,
            workers,
            100,
            60_000,
            f -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              StudentKey key = f.student().key();
              if (inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                violations.add("two frames of " + key + " at once");
              }
              Long previous = lastTimestamp.put(key, f.frame().timestamp());
              if (previous != null && previous >= f.frame().timestamp()) {
                violations.add(
                    key + " went back from " + previous + " to " + f.frame().timestamp());
              }
              Thread.onSpinWait();
              inFlight.get(key).decrementAndGet();
              running.decrementAndGet();
            },
            System::currentTimeMillis);
    int students = 20;
    int framesEach = 500;
    CountDownLatch senders = new CountDownLatch(students);
    ExecutorService sending = Executors.newFixedThreadPool(4);
    for (int s = 0; s < students; s++) {
      ConnectedStudent student = student("s" + s);
      sending.execute(
          () -> {
            for (int i = 1; i <= framesEach; i++) {
              queue.offer(frame(student, i, System.currentTimeMillis()));
            }
            senders.countDown();
          });
    }
    assertTrue(senders.await(30, TimeUnit.SECONDS));
    long deadline = System.currentTimeMillis() + 30_000;
    while (queue.processedCount() + queue.droppedCount() < queue.offeredCount()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    sending.shutdown();
    pool.shutdown();
    assertEquals(List.of(), violations);
    assertTrue(maxRunning.get() <= workers, "at most " + workers + " workers, saw " + maxRunning);
    assertEquals(queue.offeredCount(), queue.processedCount() + queue.droppedCount());
    // Every student's last frame is processed: latest wins, nothing newer is ever lost.
    for (int s = 0; s < students; s++) {
      assertEquals(framesEach, lastTimestamp.get(new StudentKey("SESSION", "s" + s)));
    }
  }

  @Test
  void framesWaitingWithNoWorkerFinishingOneMeanStuckWorkers() {
    ManualExecutor executor = new ManualExecutor(); // a worker that never gets to run
    long[] now = {1_000};
    FrameQueue queue = new FrameQueue(executor, 1, 10, 10_000, f -> {}, () -> now[0]);
    assertFalse(queue.isStuck(60_000), "nothing waits");

    queue.offer(frame(student("A"), 1, now[0]));
    now[0] += 59_000;
    assertFalse(queue.isStuck(60_000));
    now[0] += 2_000;
    assertTrue(queue.isStuck(60_000), "a frame waited 61 s");

    executor.runAll();
    assertFalse(queue.isStuck(60_000), "the worker finished it");
    now[0] += 3_600_000;
    assertFalse(queue.isStuck(60_000), "an idle queue is not stuck");
    queue.offer(frame(student("A"), 2, now[0]));
    now[0] += 1_000;
    assertFalse(queue.isStuck(60_000), "a frame after a long pause waits from its arrival");
  }
}
