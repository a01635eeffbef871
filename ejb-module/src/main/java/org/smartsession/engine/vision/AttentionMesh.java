package org.smartsession.engine.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import org.bytedeco.opencv.opencv_core.Mat;
import org.smartsession.model.face.Landmarks;

/**
 * MediaPipe's attention face mesh as a stage: in, a square crop turned with the face; out, the
 * face's presence and its 478 landmarks in frame pixels, the 468 mesh points refined by the model's
 * own eye and iris regions (see {@link MeshRefinement}).
 */
final class AttentionMesh {
  /** Side of the model's square input. */
  static final int SIZE = 192;

  /** The name its steps are timed under. */
  static final String STAGE = "mesh";

  /** The mesh reads RGB scaled to [0, 1]. */
  private static final double PIXEL_SCALE = 1 / 255.0;

  private static final double PIXEL_OFFSET = 0;

  // The model's outputs, in crop pixels: mesh, face flag, then left eye, left iris, right eye and
  // right iris as the model names them (its left is the person's right).
  private static final int MESH = 0;
  private static final int PRESENCE = 1;
  private static final int LEFT_EYE = 2;
  private static final int LEFT_IRIS = 3;
  private static final int RIGHT_EYE = 4;
  private static final int RIGHT_IRIS = 5;

  private final CropModel model;

  AttentionMesh(CropModel model) {
    this.model = model;
  }

  /** The mesh's predictor, fed as this stage feeds it. */
  static CropPredictor newModel(FaceModels models, NDManager manager) {
    return new CropPredictor(models.newMeshPredictor(), manager, SIZE, PIXEL_SCALE, PIXEL_OFFSET);
  }

  /** The model's reading of the part of the frame {@code crop} maps to its input. */
  Reading read(Mat bgr, CropTransform crop) throws TranslateException {
    model.prepare(bgr, crop);
    return new Reading(crop, model.forward());
  }

  /**
   * One crop's outputs. The landmarks are decoded only when asked for: most regions the mesh
   * rejects need just the presence.
   */
  static final class Reading {
    private final CropTransform crop;
    private final float[][] out;

    private Reading(CropTransform crop, float[][] out) {
      this.crop = crop;
      this.out = out;
    }

    /** How sure the model is that the crop holds a face, 0 to 1. */
    float presence() {
      return out[PRESENCE][0];
    }

    /** The 478 points in frame pixels, x, y, z in turn; z in frame pixels too. */
    float[] landmarks() {
      float[] xyz = new float[Landmarks.COUNT * 3];
      float[] mesh = out[MESH];
      double zScale = crop.scale();
      for (int p = 0; p < Landmarks.MESH_COUNT; p++) {
        xyz[p * 3] = (float) crop.x(mesh[p * 3], mesh[p * 3 + 1]);
        xyz[p * 3 + 1] = (float) crop.y(mesh[p * 3], mesh[p * 3 + 1]);
        xyz[p * 3 + 2] = (float) (mesh[p * 3 + 2] * zScale);
      }
      MeshRefinement.refine(
          xyz,
          crop.toFrame(out[LEFT_EYE]),
          crop.toFrame(out[LEFT_IRIS]),
          crop.toFrame(out[RIGHT_EYE]),
          crop.toFrame(out[RIGHT_IRIS]));
      return xyz;
    }
  }
}
