package org.smartsession.engine.metrics;

import com.sun.management.OperatingSystemMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.smartsession.engine.cluster.Relayed;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.FrameAnalysed;
import org.smartsession.engine.events.StoreChecked;
import org.smartsession.engine.events.SummariesSent;
import org.smartsession.engine.pipeline.AnalysisPace;
import org.smartsession.engine.pipeline.FramePipeline;
import org.smartsession.engine.pipeline.FrameQueue.DropReason;
import org.smartsession.model.session.SessionKind;

/**
 * The engine's metrics: frames handed to the workers, processed and dropped; the time frames wait
 * and take; the teachers' summary; alerts raised (and raised again while open) by type; the
 * students this server takes frames from and the pace it asks of them; with Redis, whether it
 * answers, since when not, its failed calls and the sessions waiting to be written to it.
 * Registered when the application starts.
 */
@ApplicationScoped
public class EngineMetrics {

  @Inject MetricRegistry registry;
  @Inject FramePipeline pipeline;
  @Inject AnalysisPace pace;

  private Timer analysis;
  private Timer queueWait;
  private Timer summaries;
  private final LongAdder visionCpuNanos = new LongAdder();
  private volatile StoreChecked store = new StoreChecked(true, 0, 0, 0);

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    gauge(
        "smartsession.frames.offered",
        "frames handed to the frame workers",
        pipeline::offeredCount);
    gauge("smartsession.frames.processed", "frames the workers assessed", pipeline::processedCount);
    for (DropReason reason : DropReason.values()) {
      registry.gauge(
          Metadata.builder()
              .withName("smartsession.frames.dropped")
              .withDescription(
                  "frames dropped, by reason: replaced by a newer one, stale, refused by a full"
                      + " queue, or their student left")
              .build(),
          (Supplier<Number>) () -> pipeline.droppedCount(reason),
          Supplier::get,
          new Tag("reason", reason.name().toLowerCase(Locale.ROOT)));
    }
    gauge(
        "smartsession.students", "students whose frames this server takes", pipeline::studentCount);
    for (SessionKind kind : SessionKind.values()) {
      registry.gauge(
          Metadata.builder()
              .withName("smartsession.analysis.max.fps")
              .withDescription(
                  "frames a second this server asks of each student of this kind of session while"
                      + " it is busy; 0 while it asks for no fewer than the page sends")
              .build(),
          (Supplier<Number>) () -> pace.fpsFor(kind) == null ? 0 : pace.fpsFor(kind),
          Supplier::get,
          new Tag("kind", kind.name().toLowerCase(Locale.ROOT)));
    }
    analysis =
        timer("smartsession.frame.analysis", "decoding, face analysis and scoring of one frame");
    queueWait = timer("smartsession.frame.queue.wait", "how long a frame waited for a worker");
    summaries = timer("smartsession.summary.tick", "one second's summaries to every teacher");
    gauge(
        "smartsession.frame.vision.cpu.seconds",
        "CPU time the frame workers spent decoding and analysing frames since the start; the rest"
            + " of smartsession_process_cpu_seconds is what the sockets, messages and state cost",
        () -> visionCpuNanos.sum() / 1e9);
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      // MicroProfile Metrics reports the CPU load, not the time: capacity needs the time.
      gauge(
          "smartsession.process.cpu.seconds",
          "CPU time this server's process has used since it started",
          () -> os.getProcessCpuTime() / 1e9);
    }
    gauge(
        "smartsession.redis.reachable",
        "1 while Redis answers (always 1 in memory mode)",
        () -> store.reachable() ? 1 : 0);
    gauge(
        "smartsession.redis.unreachable.seconds",
        "how long Redis has not answered; 0 while it does",
        () -> store.unreachableForMs() / 1000.0);
    gauge(
        "smartsession.redis.errors", "failed calls to Redis since the start", () -> store.errors());
    gauge(
        "smartsession.redis.sessions.pending",
        "sessions written while Redis did not answer, not yet written to it",
        () -> store.sessionsToWrite());
  }

  private void gauge(String name, String description, Supplier<Number> value) {
    registry.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        value,
        Supplier::get);
  }

  private Timer timer(String name, String description) {
    return registry.timer(
        Metadata.builder()
            .withName(name)
            .withDescription(description)
            .withUnit(MetricUnits.NANOSECONDS)
            .build());
  }

  void onFrame(@Observes FrameAnalysed event) {
    if (analysis != null) {
      analysis.update(Duration.ofNanos(event.tookNanos()));
      visionCpuNanos.add(event.visionCpuNanos());
      queueWait.update(Duration.ofMillis(Math.max(0, event.waitedMs())));
    }
  }

  void onSummaries(@Observes SummariesSent event) {
    if (summaries != null) {
      summaries.update(Duration.ofNanos(event.tookNanos()));
    }
  }

  void onStoreChecked(@Observes StoreChecked event) {
    store = event;
  }

  /** Alerts this server raised; one relayed from another server is counted there. */
  void onAlert(@Observes AlertRaised event, EventMetadata metadata) {
    if (metadata.getQualifiers().stream().anyMatch(q -> q instanceof Relayed)) {
      return;
    }
    String type = event.alert().type().name();
    Counter counter =
        event.alert().count() == 1
            ? registry.counter("smartsession.alerts", new Tag("type", type))
            : registry.counter("smartsession.alerts.repeated", new Tag("type", type));
    counter.inc();
  }
}
