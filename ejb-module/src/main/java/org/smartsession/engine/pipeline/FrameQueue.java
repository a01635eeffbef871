package org.smartsession.engine.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.model.session.StudentKey;

/**
 * The bounded queue between the WebSocket threads and the frame workers.
 *
 * <p>Each student has one slot: a frame that arrives while the previous one still waits replaces it
 * (latest wins) and the older one is counted as dropped. Memory is thus bounded by one frame per
 * student, a slow server falls behind by at most one frame per student, and offering never blocks.
 * A student's frames are processed one at a time and in arrival order; students take turns, so one
 * fast sender cannot starve the others. At most {@code workers} tasks run on the executor at once.
 */
public final class FrameQueue {
  private static final Logger LOG = Logger.getLogger(FrameQueue.class.getName());

  private final Executor executor;
  private final int workers;
  private final int maxStudents;
  private final long staleAfterMs;
  private final Consumer<IncomingFrame> processor;
  private final LongSupplier clock;

  private final ConcurrentHashMap<StudentKey, Lane> lanes = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();
  private final AtomicInteger activeWorkers = new AtomicInteger();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong busyNanos = new AtomicLong();
  private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);

  {
    for (DropReason reason : DropReason.values()) {
      dropped.put(reason, new AtomicLong());
    }
  }

  /** Why a frame was dropped rather than processed. */
  public enum DropReason {
    /** A newer frame of the same student came before a worker took it. */
    REPLACED,
    /** It waited longer than the staleness limit. */
    STALE,
    /** The queue serves the most students it may. */
    REFUSED,
    /** Its student left before a worker took it. */
    LEFT
  }

  private void drop(DropReason reason) {
    dropped.get(reason).incrementAndGet();
  }

  /** When a worker last finished a frame, or frames began to wait in an idle queue. */
  private final AtomicLong progressAt = new AtomicLong();

  /** One student's slot. {@code scheduled} is true while it waits in {@code ready} or runs. */
  private static final class Lane {
    final AtomicReference<IncomingFrame> pending = new AtomicReference<>();
    final AtomicBoolean scheduled = new AtomicBoolean();
    final AtomicLong dropped = new AtomicLong();
  }

  /** What happened to an offered frame. */
  public enum Offer {
    QUEUED,
    /** Queued, and an older frame of the same student that had not started was dropped. */
    REPLACED_OLDER,
    /** Refused: the queue serves {@code maxStudents} students already. */
    REFUSED
  }

  public FrameQueue(
      Executor executor,
      int workers,
      int maxStudents,
      long staleAfterMs,
      Consumer<IncomingFrame> processor,
      LongSupplier clock) {
    if (workers < 1 || maxStudents < 1) {
      throw new IllegalArgumentException("workers and maxStudents must be at least 1");
    }
    this.executor = Objects.requireNonNull(executor);
    this.workers = workers;
    this.maxStudents = maxStudents;
    this.staleAfterMs = staleAfterMs;
    this.processor = Objects.requireNonNull(processor);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Hands a frame to the workers; returns at once. */
  public Offer offer(IncomingFrame frame) {
    StudentKey key = frame.student().key();
    Lane lane = lanes.get(key);
    if (lane == null) {
      if (lanes.size() >= maxStudents) {
        drop(DropReason.REFUSED);
        return Offer.REFUSED;
      }
      lane = lanes.computeIfAbsent(key, k -> new Lane());
    }
    offered.incrementAndGet();
    IncomingFrame older = lane.pending.getAndSet(frame);
    if (older != null) {
      lane.dropped.incrementAndGet();
      drop(DropReason.REPLACED);
    }
    if (lane.scheduled.compareAndSet(false, true)) {
      ready.add(lane);
      startWorkerIfIdle();
    }
    return older == null ? Offer.QUEUED : Offer.REPLACED_OLDER;
  }

  /** Forgets a student who left; a frame still waiting for them is dropped. */
  public void remove(StudentKey key) {
    Lane lane = lanes.remove(key);
    if (lane != null && lane.pending.getAndSet(null) != null) {
      drop(DropReason.LEFT);
    }
  }

  /**
   * Whether frames have been waiting for more than {@code afterMs} while no worker finished one:
   * the workers are stuck (or the executor runs none), which a restart may cure.
   */
  public boolean isStuck(long afterMs) {
    return !ready.isEmpty() && clock.getAsLong() - progressAt.get() > afterMs;
  }

  private void startWorkerIfIdle() {
    if (activeWorkers.get() == 0) {
      progressAt.set(clock.getAsLong());
    }
    while (true) {
      int active = activeWorkers.get();
      if (active >= workers) {
        return;
      }
      if (activeWorkers.compareAndSet(active, active + 1)) {
        try {
          executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
          activeWorkers.decrementAndGet();
          LOG.log(
              Level.WARNING, "The frame executor refused a worker; frames wait for the next", e);
        }
        return;
      }
    }
  }

  private void drain() {
    try {
      Lane lane;
      while ((lane = ready.poll()) != null) {
        IncomingFrame frame = lane.pending.getAndSet(null);
        try {
          if (frame != null) {
            process(lane, frame);
          }
        } finally {
          // Even after an Error (a native library's), so that the student's lane is not stuck.
          lane.scheduled.set(false);
          // A frame that came in while this one was processed goes to the back of the line.
          if (lane.pending.get() != null && lane.scheduled.compareAndSet(false, true)) {
            ready.add(lane);
          }
        }
      }
    } finally {
      activeWorkers.decrementAndGet();
      if (!ready.isEmpty()) {
        startWorkerIfIdle();
      }
    }
  }

  private void process(Lane lane, IncomingFrame frame) {
    if (clock.getAsLong() - frame.receivedAt() > staleAfterMs) {
      lane.dropped.incrementAndGet();
      drop(DropReason.STALE);
      progressAt.set(clock.getAsLong());
      return;
    }
    long start = System.nanoTime();
    try {
      processor.accept(frame);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Processing a frame of " + frame.student().key() + " failed", e);
    } finally {
      busyNanos.addAndGet(System.nanoTime() - start);
      processed.incrementAndGet();
      progressAt.set(clock.getAsLong());
    }
  }

  public long offeredCount() {
    return offered.get();
  }

  public long processedCount() {
    return processed.get();
  }

  /** The time workers have spent processing frames since the start, summed over workers. */
  public long busyNanos() {
    return busyNanos.get();
  }

  public int workers() {
    return workers;
  }

  /** Frames dropped because a newer one replaced them, they went stale, or the queue was full. */
  public long droppedCount() {
    return dropped.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public long droppedCount(DropReason reason) {
    return dropped.get(reason).get();
  }

  public long droppedCount(StudentKey key) {
    Lane lane = lanes.get(key);
    return lane == null ? 0 : lane.dropped.get();
  }

  public int studentCount() {
    return lanes.size();
  }
}
