package org.smartsession.engine.vision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
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

  MeshFaceTracker(VisionSettings settings) {
    this.settings = settings;
  }

  FaceAnalysis analyze(VisionWorker worker, Mat bgr) throws ai.djl.translate.TranslateException {
    return analyzeTogether(worker, List.of(this), List.of(bgr)).get(0);
  }

  /**
   * The next frame of several trackers' streams (each tracker once), their faces run through the
   * models together: the detectors for the frames whose turn it is, then mesh and iris for all.
   * Each result carries the batch's stage times divided among its frames.
   */
  static List<FaceAnalysis> analyzeTogether(
      VisionWorker worker, List<MeshFaceTracker> trackers, List<Mat> frames)
      throws ai.djl.translate.TranslateException {
    long t0 = System.nanoTime();
    int n = frames.size();
    Map<String, Double> timings = new LinkedHashMap<>();
    List<List<FaceRegion>> regions = new ArrayList<>(n);
    List<Integer> wholeFrames = new ArrayList<>();
    List<Integer> tiled = new ArrayList<>();
    List<CropTransform> tiles = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      MeshFaceTracker tracker = trackers.get(f);
      Mat bgr = frames.get(f);
      tracker.frames++;
      regions.add(new ArrayList<>(tracker.followed));
      if (tracker.followed.isEmpty() || tracker.frames % tracker.settings.detectEvery() == 0) {
        wholeFrames.add(f);
      }
      CropTransform tile = tracker.nextTile(bgr);
      if (tile != null) {
        tiled.add(f);
        tiles.add(tile);
      }
    }
    List<CropTransform> letterboxes =
        wholeFrames.stream()
            .map(f -> VisionWorker.wholeFrame(frames.get(f), DetectorSpec.SHORT_RANGE))
            .toList();
    addDetections(
        worker, DetectorSpec.SHORT_RANGE, frames, wholeFrames, letterboxes, regions, timings);
    addDetections(worker, DetectorSpec.FULL_RANGE, frames, tiled, tiles, regions, timings);
    List<List<VisionWorker.TrackedFace>> found = worker.faces(frames, regions, timings);
    double total = (System.nanoTime() - t0) / 1e6;
    List<FaceAnalysis> analyses = new ArrayList<>(n);
    for (int f = 0; f < n; f++) {
      List<VisionWorker.TrackedFace> faces = found.get(f);
      trackers.get(f).followed = faces.stream().map(VisionWorker.TrackedFace::next).toList();
      Map<String, Double> share = new LinkedHashMap<>();
      timings.forEach((stage, ms) -> share.put(stage, ms / n));
      if (n > 1) {
        share.put("batchFrames", (double) n);
      }
      share.put("total", total / n);
      Mat bgr = frames.get(f);
      analyses.add(
          new FaceAnalysis(
              bgr.cols(),
              bgr.rows(),
              faces.stream().map(VisionWorker.TrackedFace::face).toList(),
              share));
    }
    return analyses;
  }

  /** Runs one detector on the given parts of the given frames, in one batch. */
  private static void addDetections(
      VisionWorker worker,
      DetectorSpec spec,
      List<Mat> frames,
      List<Integer> which,
      List<CropTransform> boxes,
      List<List<FaceRegion>> regions,
      Map<String, Double> timings)
      throws ai.djl.translate.TranslateException {
    List<Mat> images = which.stream().map(frames::get).toList();
    List<List<Detection>> found = worker.detect(spec, images, boxes, timings);
    for (int i = 0; i < which.size(); i++) {
      worker.addNew(regions.get(which.get(i)), found.get(i));
    }
  }

  /** The tile to scan for small faces in this frame, or null when it is not the scan's turn. */
  private CropTransform nextTile(Mat bgr) {
    if (settings.tileScanEvery() <= 0 || frames % settings.tileScanEvery() != 0) {
      return null;
    }
    List<CropTransform> tiles = VisionWorker.tiles(bgr.cols(), bgr.rows(), settings.tilesPerSide());
    return tiles.isEmpty() ? null : tiles.get(nextTile++ % tiles.size());
  }
}
