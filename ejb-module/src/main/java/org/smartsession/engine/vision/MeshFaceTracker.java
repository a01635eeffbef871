package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.FaceAnalysis;

/**
 * Follows one student's faces from frame to frame the way MediaPipe does: the landmarks of each
 * face give the region to look at in the next frame, so the detector is needed only now and then
 * (see {@link VisionSettings}). Streamed frames are not timed. Not thread-safe: one frame at a
 * time.
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

  FaceAnalysis analyze(FaceStages stages, Mat bgr, long timestampMs) throws TranslateException {
    frames++;
    List<FaceRegion> regions = new ArrayList<>(followed);
    if (followed.isEmpty()
        || frames % settings.detectEvery() == 0
        || overdue(lastDetection, timestampMs)) {
      lastDetection = timestampMs;
      stages.detect(
          DetectorSpec.SHORT_RANGE, bgr, Tiling.wholeFrame(bgr, DetectorSpec.SHORT_RANGE), regions);
    }
    if (settings.tileScanEvery() > 0
        && (frames % settings.tileScanEvery() == 0 || overdue(lastTileScan, timestampMs))) {
      lastTileScan = timestampMs;
      List<CropTransform> tiles = Tiling.tiles(bgr.cols(), bgr.rows(), settings.tilesPerSide());
      if (!tiles.isEmpty()) {
        CropTransform tile = tiles.get(nextTile++ % tiles.size());
        stages.detect(DetectorSpec.FULL_RANGE, bgr, tile, regions);
      }
    }
    List<TrackedFace> found = stages.faces(bgr, regions);
    followed = found.stream().map(TrackedFace::next).toList();
    return new FaceAnalysis(
        bgr.cols(), bgr.rows(), found.stream().map(TrackedFace::face).toList(), Map.of());
  }

  /** True when a search last run at {@code last} is due again by time at {@code now}. */
  private boolean overdue(long last, long now) {
    long every = settings.searchAtLeastEveryMs();
    return every > 0 && last != Long.MIN_VALUE && now - last >= every;
  }
}
