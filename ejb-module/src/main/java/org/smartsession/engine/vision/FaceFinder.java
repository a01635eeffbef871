package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceBox;
import org.smartsession.model.face.HeadPoseEstimator;
import org.smartsession.model.face.Landmarks;

/**
 * The rules that turn regions into faces, over the model stages: which detections are new faces,
 * which faces the mesh runs on, how sure it must be of a face, the close-up second look a new face
 * must pass (and that follows the faces beyond the mesh's limit), and one face for regions that
 * converge on it.
 */
final class FaceFinder implements FaceStages {
  /** Face presence a followed face needs to stay followed, as in MediaPipe's tracking. */
  static final float MIN_PRESENCE = 0.5f;

  /**
   * Face presence enough for a newly detected face, which a close-up look with the detector must
   * confirm as well (see {@link #closeUp}). Lower than {@link #MIN_PRESENCE}: the mesh doubts faces
   * in full profile, and a profile next to a student is what an exam must not miss.
   */
  static final float MIN_NEW_PRESENCE = 0.1f;

  /**
   * The close-up a new face is confirmed on, in sides of its region: twice the region, three times
   * the face, about the scale the short-range detector was made for.
   */
  static final double CLOSE_UP = 2;

  private final Map<DetectorSpec, FaceDetector> detectors;
  private final AttentionMesh mesh;
  private final int maxFaces;

  FaceFinder(Map<DetectorSpec, FaceDetector> detectors, AttentionMesh mesh, int maxFaces) {
    this.detectors = detectors;
    this.mesh = mesh;
    this.maxFaces = maxFaces;
  }

  @Override
  public void detect(DetectorSpec spec, Mat bgr, CropTransform box, List<FaceRegion> regions)
      throws TranslateException {
    for (Detection d : detectors.get(spec).detect(bgr, box)) {
      boolean known = false;
      for (FaceRegion r : regions) {
        known |= r.covers(d.centreX(), d.centreY());
      }
      if (!known) {
        regions.add(FaceRegion.fromDetection(d, AttentionMesh.SIZE));
      }
    }
  }

  /**
   * The mesh on at most {@code maxFaces} regions, followed faces first so that they stay meshed,
   * then the largest new ones. Every other region is a face too when a close-up look with the
   * detector confirms it: counted, with its detector box only, and followed by close-ups.
   */
  @Override
  public List<TrackedFace> faces(Mat bgr, List<FaceRegion> regions) throws TranslateException {
    List<FaceRegion> byPriority = new ArrayList<>(regions);
    byPriority.sort(MESH_FIRST);
    int meshed = Math.min(byPriority.size(), maxFaces);
    List<TrackedFace> faces = new ArrayList<>();
    List<FaceRegion> keptRegions = new ArrayList<>();
    for (FaceRegion region : byPriority.subList(0, meshed)) {
      AttentionMesh.Reading reading = mesh.read(bgr, region.crop());
      float presence = reading.presence();
      if (presence < (region.detected() ? MIN_NEW_PRESENCE : MIN_PRESENCE)
          || region.detected() && closeUp(bgr, region).isEmpty()) {
        continue; // no face in this region: a false detection, or a tracked face that left
      }
      float[] xyz = reading.landmarks();
      float noseX = xyz[Landmarks.NOSE_TIP * 3];
      float noseY = xyz[Landmarks.NOSE_TIP * 3 + 1];
      if (keptRegions.stream().anyMatch(r -> r.covers(noseX, noseY))) {
        continue; // two regions converged on one face
      }
      keptRegions.add(region);
      Landmarks landmarks = Landmarks.of(xyz);
      float score = region.detectorScore();
      faces.add(
          new TrackedFace(
              new Face(
                  box(landmarks),
                  score,
                  landmarks,
                  presence,
                  HeadPoseEstimator.estimate(landmarks)),
              FaceRegion.fromLandmarks(landmarks, score, AttentionMesh.SIZE)));
    }
    for (FaceRegion region : byPriority.subList(meshed, byPriority.size())) {
      Optional<Detection> seen = closeUp(bgr, region);
      if (seen.isEmpty()
          || keptRegions.stream()
              .anyMatch(r -> r.covers(seen.get().centreX(), seen.get().centreY()))) {
        continue; // not confirmed, or a face already counted
      }
      Detection d = seen.get();
      FaceRegion next = FaceRegion.fromDetection(d, AttentionMesh.SIZE);
      keptRegions.add(next);
      faces.add(new TrackedFace(new Face(boxOf(d), d.score(), null, Float.NaN, null), next));
    }
    return faces;
  }

  /** Faces followed from the last frame first, then the largest, then the most confident. */
  private static final Comparator<FaceRegion> MESH_FIRST =
      Comparator.comparing(FaceRegion::detected)
          .thenComparing(Comparator.comparingDouble(FaceRegion::side).reversed())
          .thenComparing(Comparator.comparingDouble(FaceRegion::detectorScore).reversed());

  /**
   * What the short-range detector, shown a close-up of a face's region, finds there, if anything. A
   * detection from far away (a tile, a whole frame) can be a face-like object that the attention
   * mesh would then take for a face; close up, at the detector's own scale, it is rejected.
   */
  private Optional<Detection> closeUp(Mat bgr, FaceRegion region) throws TranslateException {
    double side = region.side() * CLOSE_UP;
    CropTransform closeUp =
        CropTransform.letterbox(
            region.centreX() - side / 2,
            region.centreY() - side / 2,
            side,
            side,
            DetectorSpec.SHORT_RANGE.inputSize);
    return detectors.get(DetectorSpec.SHORT_RANGE).detect(bgr, closeUp).stream()
        .filter(d -> region.covers(d.centreX(), d.centreY()))
        .findFirst();
  }

  private static FaceBox boxOf(Detection d) {
    return new FaceBox(d.x0(), d.y0(), d.width(), d.height());
  }

  /** The axis-aligned box around the mesh points. */
  private static FaceBox box(Landmarks p) {
    float minX = Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (int i = 0; i < Landmarks.MESH_COUNT; i++) {
      minX = Math.min(minX, p.x(i));
      maxX = Math.max(maxX, p.x(i));
      minY = Math.min(minY, p.y(i));
      maxY = Math.max(maxY, p.y(i));
    }
    return new FaceBox(minX, minY, maxX - minX, maxY - minY);
  }
}
