package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.analysis.FaceAnalyzer;
import org.smartsession.engine.analysis.FaceTracker;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.model.face.FaceAnalysis;

/**
 * The vision engine: MediaPipe's face detectors and attention face mesh as TorchScript through DJL.
 * Models load once when the application starts and are run a few times before the analyzer is
 * ready. Predictors and buffers (a {@link VisionWorker}) are lent to one call at a time from a pool
 * that grows only to the most calls ever made at once (the frame workers and the bounded single
 * image analyses), however many threads make them. Single images are timed stage by stage, for
 * diagnostics; streamed frames are not.
 */
@ApplicationScoped
public class DjlFaceAnalyzer implements FaceAnalyzer {
  private static final Logger LOG = Logger.getLogger(DjlFaceAnalyzer.class.getName());

  /** TorchScript's profiling executor settles within its first two runs of a model. */
  static final int WARM_UP_RUNS = 3;

  @Inject VisionSettings settings;

  private volatile FaceModels models;
  private volatile String failure = "not loaded yet";
  private final List<VisionWorker> workers = new CopyOnWriteArrayList<>();
  private final Deque<VisionWorker> idle = new ConcurrentLinkedDeque<>();

  void load(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!settings.enabled()) {
      failure = "switched off (smartsession.vision.enabled=false)";
      LOG.warning("Face analysis is switched off: students will show ANALYSIS_UNAVAILABLE");
      return;
    }
    long t = System.nanoTime();
    try {
      FaceModels loaded = FaceModels.loadBundled();
      long warm = System.nanoTime();
      try (VisionWorker w = new VisionWorker(loaded, settings.maxFaces())) {
        w.warmUp(WARM_UP_RUNS);
      } catch (Exception | LinkageError e) {
        loaded.close(); // never used: not ready
        throw e;
      }
      models = loaded; // ready only now, warmed
      failure = null;
      LOG.info(
          () ->
              String.format(
                  "Face models loaded in %.0f ms and warmed up in %.0f ms",
                  (warm - t) / 1e6, (System.nanoTime() - warm) / 1e6));
    } catch (Exception | LinkageError e) {
      failure = e.toString();
      LOG.log(Level.SEVERE, "Face models could not be loaded; frames will not be analysed", e);
    }
  }

  @Override
  public boolean isReady() {
    return models != null;
  }

  /** Why the analyzer is not ready, or null when it is. */
  public String failure() {
    return failure;
  }

  @Override
  public FaceAnalysis analyze(DecodedFrame frame) {
    VisionWorker w = borrow();
    try {
      return w.analyze(frame.bgr(), settings.tilesPerSide());
    } catch (TranslateException e) {
      throw new IllegalStateException("face model inference failed", e);
    } finally {
      idle.push(w);
    }
  }

  @Override
  public FaceTracker newTracker() {
    MeshFaceTracker tracker = new MeshFaceTracker(settings);
    return (frame, timestampMs) -> {
      VisionWorker w = borrow();
      try {
        return tracker.analyze(w.stages(), frame.bgr(), timestampMs);
      } catch (TranslateException e) {
        throw new IllegalStateException("face model inference failed", e);
      } finally {
        idle.push(w);
      }
    };
  }

  /** An idle worker, the one used last first (its buffers are warm), or a new one. */
  private VisionWorker borrow() {
    FaceModels loaded = models;
    if (loaded == null) {
      throw new IllegalStateException("face models not loaded: " + failure);
    }
    VisionWorker w = idle.poll();
    if (w == null) {
      w = new VisionWorker(loaded, settings.maxFaces());
      workers.add(w);
    }
    return w;
  }

  /** How many workers exist: the most calls that ran at once. */
  int workerCount() {
    return workers.size();
  }

  @PreDestroy
  void unload() {
    FaceModels loaded = models;
    models = null;
    idle.clear();
    workers.forEach(VisionWorker::close);
    workers.clear();
    if (loaded != null) {
      loaded.close();
    }
  }
}
