package org.smartsession.engine.vision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.FaceAnalysis;

/**
 * Follows one student's faces from frame to frame the way MediaPipe does: the landmarks of each
 * face give the region to look at in the next frame, so the detector is needed only now and then
 * (see {@link VisionSettings}). Not thread-safe: one frame at a time.
 */
final class MeshFaceTracker {
  private final VisionSettings settings;
  private List<FaceRegion> followed = List.of();
  private long frames;
  private int nextTile;
  private long lastDetection = Long.MIN_VALUE;
  private long lastTileScan = Long.MIN_VALUE;

  MeshFaceTracker(VisionSettings settings) {
    this.settings = settings;
  }

  FaceAnalysis analyze(VisionWorker worker, Mat bgr, long timestampMs)
      throws ai.djl.translate.TranslateException {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    frames++;
    List<FaceRegion> regions = new ArrayList<>(followed);
    if (followed.isEmpty()
        || frames % settings.detectEvery() == 0
        || overdue(lastDetection, timestampMs)) {
      lastDetection = timestampMs;
      worker.addNew(
          regions,
          worker.detect(
              bgr,
              DetectorSpec.SHORT_RANGE,
              VisionWorker.wholeFrame(bgr, DetectorSpec.SHORT_RANGE),
              timings));
    }
    if (settings.tileScanEvery() > 0
        && (frames % settings.tileScanEvery() == 0 || overdue(lastTileScan, timestampMs))) {
      lastTileScan = timestampMs;
      List<CropTransform> tiles =
          VisionWorker.tiles(bgr.cols(), bgr.rows(), settings.tilesPerSide());
      if (!tiles.isEmpty()) {
        CropTransform tile = tiles.get(nextTile++ % tiles.size());
        worker.addNew(regions, worker.detect(bgr, DetectorSpec.FULL_RANGE, tile, timings));
      }
    }
    List<VisionWorker.TrackedFace> found = worker.faces(bgr, regions, timings);
    followed = found.stream().map(VisionWorker.TrackedFace::next).toList();
    timings.put("total", (System.nanoTime() - t0) / 1e6);
    return new FaceAnalysis(
        bgr.cols(),
        bgr.rows(),
        found.stream().map(VisionWorker.TrackedFace::face).toList(),
        timings);
  }

  /** True when a search last run at {@code last} is due again by time at {@code now}. */
  private boolean overdue(long last, long now) {
    long every = settings.searchAtLeastEveryMs();
    return every > 0 && last != Long.MIN_VALUE && now - last >= every;
  }
}
