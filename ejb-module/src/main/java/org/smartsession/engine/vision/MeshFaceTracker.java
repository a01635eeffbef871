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
   * mesh and iris models together. Each result carries its frame's own detector times and the
   * batch's other stage times divided among the frames.
   */
  static List<FaceAnalysis> analyzeTogether(
      VisionWorker worker, List<MeshFaceTracker> trackers, List<Mat> frames)
      throws ai.djl.translate.TranslateException {
    long t0 = System.nanoTime();
    List<Map<String, Double>> timings = new ArrayList<>(frames.size());
    List<List<FaceRegion>> regions = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      Map<String, Double> own = new LinkedHashMap<>();
      regions.add(trackers.get(f).regions(worker, frames.get(f), own));
      timings.add(own);
    }
    Map<String, Double> shared = new LinkedHashMap<>();
    List<List<VisionWorker.TrackedFace>> found = worker.faces(frames, regions, shared);
    double total = (System.nanoTime() - t0) / 1e6;
    List<FaceAnalysis> analyses = new ArrayList<>(frames.size());
    for (int f = 0; f < frames.size(); f++) {
      List<VisionWorker.TrackedFace> faces = found.get(f);
      trackers.get(f).followed = faces.stream().map(VisionWorker.TrackedFace::next).toList();
      Map<String, Double> own = timings.get(f);
      shared.forEach((stage, ms) -> own.put(stage, ms / frames.size()));
      if (frames.size() > 1) {
        own.put("batchFrames", (double) frames.size());
      }
      own.put("total", total / frames.size());
      Mat bgr = frames.get(f);
      analyses.add(
          new FaceAnalysis(
              bgr.cols(),
              bgr.rows(),
              faces.stream().map(VisionWorker.TrackedFace::face).toList(),
              own));
    }
    return analyses;
  }

  /**
   * Where to look in this frame: the faces followed from the last one, plus what the detectors find
   * when it is their turn (and whenever no face is followed).
   */
  private List<FaceRegion> regions(VisionWorker worker, Mat bgr, Map<String, Double> timings)
      throws ai.djl.translate.TranslateException {
    frames++;
    List<FaceRegion> regions = new ArrayList<>(followed);
    if (followed.isEmpty() || frames % settings.detectEvery() == 0) {
      worker.addNew(
          regions,
          worker.detect(
              bgr,
              DetectorSpec.SHORT_RANGE,
              VisionWorker.wholeFrame(bgr, DetectorSpec.SHORT_RANGE),
              timings));
    }
    if (settings.tileScanEvery() > 0 && frames % settings.tileScanEvery() == 0) {
      List<CropTransform> tiles =
          VisionWorker.tiles(bgr.cols(), bgr.rows(), settings.tilesPerSide());
      if (!tiles.isEmpty()) {
        CropTransform tile = tiles.get(nextTile++ % tiles.size());
        worker.addNew(regions, worker.detect(bgr, DetectorSpec.FULL_RANGE, tile, timings));
      }
    }
    return regions;
  }
}
