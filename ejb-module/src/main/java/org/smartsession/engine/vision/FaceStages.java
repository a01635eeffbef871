package org.smartsession.engine.vision;

import ai.djl.translate.TranslateException;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What a search of a frame, a stream's ({@link MeshFaceTracker}) or a single image's ({@link
 * SingleImageSearch}), asks of the vision stages. A {@link VisionWorker} provides them, over its
 * own predictors, so one is used on one thread only.
 */
interface FaceStages {
  /**
   * Runs the detector on the part of the frame that {@code box} maps to its input, and adds to
   * {@code regions} each face found there that is in none of them yet, however many.
   */
  void detect(DetectorSpec spec, Mat bgr, CropTransform box, List<FaceRegion> regions)
      throws TranslateException;

  /**
   * The faces in the regions, each with the region to look for it in the next frame: first those
   * the mesh ran on (at most the face limit), then the others, with their detector box only.
   * Regions without a face give none, and two regions on one face give one.
   */
  List<TrackedFace> faces(Mat bgr, List<FaceRegion> regions) throws TranslateException;
}
