package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.smartsession.model.face.Face;

/**
 * Every face in a single image, however small: the full-range detector on overlapping tiles, the
 * short-range one on the whole frame, then the mesh for all. Tiles come first because their boxes,
 * seen at a larger scale, frame a face more exactly, and the attention mesh wants a well framed
 * face. For one-off images; a stream of frames goes through a {@link MeshFaceTracker}, which
 * spreads this work over frames.
 */
final class SingleImageSearch {
  private SingleImageSearch() {}

  static List<Face> faces(FaceStages stages, Mat bgr, int tilesPerSide) throws TranslateException {
    List<FaceRegion> regions = new ArrayList<>();
    for (CropTransform tile : Tiling.tiles(bgr.cols(), bgr.rows(), tilesPerSide)) {
      stages.detect(DetectorSpec.FULL_RANGE, bgr, tile, regions);
    }
    stages.detect(
        DetectorSpec.SHORT_RANGE, bgr, Tiling.wholeFrame(bgr, DetectorSpec.SHORT_RANGE), regions);
    // A detector's region is rough; the region the first landmarks give is what a stream would
    // use from its second frame on, so one more pass makes single images read as streams do.
    List<FaceRegion> refined = stages.faces(bgr, regions).stream().map(TrackedFace::next).toList();
    return stages.faces(bgr, refined).stream().map(TrackedFace::face).toList();
  }
}
