package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;
import org.smartsession.model.face.FaceBox;
import org.smartsession.model.face.HeadPoseEstimator;
import org.smartsession.model.face.Landmarks;

/**
 * One frame worker's share of the vision engine: its own predictors and reusable image buffers.
 * Confined to one thread.
 *
 * <p>Per frame: the whole frame, letterboxed, through the face detector; then, for all faces in one
 * batch, a rotated crop of each through the mesh; then both eyes of every face, in one batch,
 * through the iris model. Crops are cut with {@code warpAffine} straight from the frame and
 * converted to RGB floats in place, so no pixel is touched from Java.
 */
final class VisionWorker implements AutoCloseable {
  static final int MESH_SIZE = 192;
  static final int IRIS_SIZE = 64;
  static final float MIN_PRESENCE = 0.5f;

  /** How much neighbouring tiles overlap, so that a face on a tile's edge is whole in the other. */
  static final double TILE_OVERLAP = 0.2;

  /** MediaPipe's eye crop: 2.3 times the eye's width. */
  static final double EYE_CROP_SCALE = 2.3;

  /** The iris model's output per eye: 5 points (centre, then four on the edge) × (x, y, z). */
  private static final int IRIS_VALUES = 15;

  private final int maxFaces;
  private final NDManager manager;
  private final java.util.EnumMap<DetectorSpec, Predictor<NDList, NDList>> detectors =
      new java.util.EnumMap<>(DetectorSpec.class);
  private final java.util.EnumMap<DetectorSpec, Mat> detectorPixels =
      new java.util.EnumMap<>(DetectorSpec.class);
  private final Predictor<NDList, NDList> mesh;
  private final Predictor<NDList, NDList> iris;

  private final Mat affine = new Mat(2, 3, CV_64F);
  private final DoubleIndexer affineValues = affine.createIndexer();
  private final Scalar black = new Scalar(0, 0, 0, 0);

  /** Output sizes of the crops, made once rather than as native objects on every warp. */
  private final Map<Integer, Size> squares = new java.util.HashMap<>();

  private final Mat detectorRgb = new Mat();
  private final Mat detectorInput = new Mat();
  private final Mat meshPixels;
  private final Mat meshRgb = new Mat();
  private final Mat meshInput = new Mat();
  private final Mat irisPixels;
  private final Mat irisRgb = new Mat();
  private final Mat irisInput = new Mat();

  VisionWorker(FaceModels models, int maxFaces) {
    this.maxFaces = maxFaces;
    this.manager = models.mesh.getNDManager().newSubManager();
    for (DetectorSpec spec : DetectorSpec.values()) {
      detectors.put(spec, models.newDetectorPredictor(spec));
      detectorPixels.put(spec, new Mat(spec.inputSize, spec.inputSize, CV_8UC3));
    }
    this.mesh = models.newMeshPredictor();
    this.iris = models.newIrisPredictor();
    this.meshPixels = new Mat(MESH_SIZE * maxFaces, MESH_SIZE, CV_8UC3);
    this.irisPixels = new Mat(IRIS_SIZE * 2 * maxFaces, IRIS_SIZE, CV_8UC3);
  }

  /**
   * Every face in a single image, however small: the short-range detector on the whole frame, the
   * full-range one on overlapping tiles, then mesh and iris for all. For one-off images; a stream
   * of frames goes through a {@link FaceTracker}, which spreads this work over frames.
   */
  FaceAnalysis analyze(Mat bgr, int tilesPerSide) throws TranslateException {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    List<FaceRegion> regions = new ArrayList<>();
    addNew(
        regions,
        detect(bgr, DetectorSpec.SHORT_RANGE, wholeFrame(bgr, DetectorSpec.SHORT_RANGE), timings));
    for (CropTransform tile : tiles(bgr.cols(), bgr.rows(), tilesPerSide)) {
      addNew(regions, detect(bgr, DetectorSpec.FULL_RANGE, tile, timings));
    }
    // A detector's region is rough; the region the first landmarks give is what a stream would
    // use from its second frame on, so one more pass makes single images read as streams do.
    List<FaceRegion> refined =
        faces(bgr, regions, timings).stream().map(TrackedFace::next).toList();
    List<Face> faces = faces(bgr, refined, timings).stream().map(TrackedFace::face).toList();
    timings.put("total", ms(t0));
    return new FaceAnalysis(bgr.cols(), bgr.rows(), faces, timings);
  }

  static CropTransform wholeFrame(Mat bgr, DetectorSpec spec) {
    return CropTransform.letterbox(bgr.cols(), bgr.rows(), spec.inputSize);
  }

  /**
   * Overlapping tiles, {@code perSide} × {@code perSide}, each fed to the full-range detector at a
   * larger scale than the whole frame gets, so that a face of about 24 px in a 640-px frame is
   * large enough for it.
   */
  static List<CropTransform> tiles(int width, int height, int perSide) {
    List<CropTransform> tiles = new ArrayList<>();
    if (perSide < 2) {
      return tiles;
    }
    double tileWidth = width / (perSide - (perSide - 1) * TILE_OVERLAP);
    double tileHeight = height / (perSide - (perSide - 1) * TILE_OVERLAP);
    for (int row = 0; row < perSide; row++) {
      for (int col = 0; col < perSide; col++) {
        double x = col * (width - tileWidth) / (perSide - 1);
        double y = row * (height - tileHeight) / (perSide - 1);
        tiles.add(
            CropTransform.letterbox(
                x, y, tileWidth, tileHeight, DetectorSpec.FULL_RANGE.inputSize));
      }
    }
    return tiles;
  }

  /** Adds the detections that are not faces already in the list. */
  void addNew(List<FaceRegion> regions, List<Detection> detections) {
    for (Detection d : detections) {
      boolean known = false;
      for (FaceRegion r : regions) {
        known |= r.covers(d.centreX(), d.centreY());
      }
      if (!known && regions.size() < maxFaces) {
        regions.add(FaceRegion.fromDetection(d, MESH_SIZE));
      }
    }
  }

  /** Detections in frame pixels from the part of the frame {@code box} maps to the input. */
  List<Detection> detect(Mat bgr, DetectorSpec spec, CropTransform box, Map<String, Double> timings)
      throws TranslateException {
    long t = System.nanoTime();
    Mat pixels = detectorPixels.get(spec);
    warp(bgr, pixels, box, spec.inputSize);
    toFloats(pixels, detectorRgb, detectorInput, 1 / 127.5, -1);
    timings.merge("detectorInput", ms(t), Double::sum);
    t = System.nanoTime();
    float[] raw = predict(detectors.get(spec), detectorInput, 1, spec.inputSize)[0];
    timings.merge("detector", ms(t), Double::sum);
    List<Detection> inInput = spec.decode(raw, 0);
    List<Detection> inFrame = new ArrayList<>(inInput.size());
    for (Detection d : inInput) {
      inFrame.add(toFrame(d, box));
    }
    return WeightedNms.apply(inFrame, DetectorSpec.NMS_IOU);
  }

  private static Detection toFrame(Detection d, CropTransform t) {
    float[] k = new float[d.keypoints().length];
    for (int i = 0; i < k.length; i += 2) {
      k[i] = (float) t.x(d.keypoints()[i], d.keypoints()[i + 1]);
      k[i + 1] = (float) t.y(d.keypoints()[i], d.keypoints()[i + 1]);
    }
    return new Detection(
        (float) t.x(d.x0(), d.y0()),
        (float) t.y(d.x0(), d.y0()),
        (float) t.x(d.x1(), d.y1()),
        (float) t.y(d.x1(), d.y1()),
        d.score(),
        k);
  }

  /** A face found by the mesh, and the region to look for it in the next frame. */
  record TrackedFace(Face face, FaceRegion next) {}

  /**
   * Mesh for every region in one batch, iris for both eyes of every face found in one batch.
   * Regions where the mesh sees no face are dropped, and so is a face found twice.
   */
  List<TrackedFace> faces(Mat bgr, List<FaceRegion> regions, Map<String, Double> timings)
      throws TranslateException {
    int n = Math.min(regions.size(), maxFaces);
    if (n == 0) {
      return List.of();
    }
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      try (Mat slot = meshPixels.rowRange(i * MESH_SIZE, (i + 1) * MESH_SIZE)) {
        warp(bgr, slot, regions.get(i).crop(), MESH_SIZE);
      }
    }
    try (Mat used = meshPixels.rowRange(0, n * MESH_SIZE)) {
      toFloats(used, meshRgb, meshInput, 1 / 255.0, 0);
    }
    timings.put("meshInput", ms(t));
    t = System.nanoTime();
    float[][] meshOutputs = predict(mesh, meshInput, n, MESH_SIZE);
    float[] points = meshOutputs[0];
    float[] presence = meshOutputs[1];
    timings.put("mesh", ms(t));

    List<Integer> kept = new ArrayList<>();
    List<FaceRegion> keptRegions = new ArrayList<>();
    float[][] all = new float[n][];
    for (int i = 0; i < n; i++) {
      if (presence[i] < MIN_PRESENCE) {
        continue; // no face in this region: a false detection, or a tracked face that left
      }
      float[] xyz = new float[Landmarks.COUNT * 3];
      CropTransform c = regions.get(i).crop();
      double zScale = c.scale();
      for (int p = 0; p < Landmarks.MESH_COUNT; p++) {
        int r = i * Landmarks.MESH_COUNT * 3 + p * 3;
        xyz[p * 3] = (float) c.x(points[r], points[r + 1]);
        xyz[p * 3 + 1] = (float) c.y(points[r], points[r + 1]);
        xyz[p * 3 + 2] = (float) (points[r + 2] * zScale);
      }
      float noseX = xyz[Landmarks.NOSE_TIP * 3];
      float noseY = xyz[Landmarks.NOSE_TIP * 3 + 1];
      if (keptRegions.stream().anyMatch(r -> r.covers(noseX, noseY))) {
        continue; // two regions converged on one face
      }
      all[i] = xyz;
      kept.add(i);
      keptRegions.add(regions.get(i));
    }
    if (!kept.isEmpty()) {
      irises(bgr, kept, all, timings);
    }
    List<TrackedFace> faces = new ArrayList<>(kept.size());
    for (int i : kept) {
      Landmarks landmarks = Landmarks.of(all[i]);
      float score = regions.get(i).detectorScore();
      faces.add(
          new TrackedFace(
              new Face(
                  box(landmarks),
                  score,
                  landmarks,
                  presence[i],
                  HeadPoseEstimator.estimate(landmarks)),
              FaceRegion.fromLandmarks(landmarks, score, MESH_SIZE)));
    }
    return faces;
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

  /**
   * Both eyes of every kept face in one batch. The person's left eye (362–263) is mirrored, since
   * the model was trained on one side only; the mirrored transform maps its points back unchanged
   * in order.
   */
  private void irises(Mat bgr, List<Integer> kept, float[][] all, Map<String, Double> timings)
      throws TranslateException {
    long t = System.nanoTime();
    int eyes = kept.size() * 2;
    CropTransform[] crops = new CropTransform[eyes];
    for (int k = 0; k < kept.size(); k++) {
      float[] xyz = all[kept.get(k)];
      crops[2 * k] = eyeCrop(xyz, Landmarks.RIGHT_EYE_OUTER, Landmarks.RIGHT_EYE_INNER, false);
      crops[2 * k + 1] = eyeCrop(xyz, Landmarks.LEFT_EYE_INNER, Landmarks.LEFT_EYE_OUTER, true);
    }
    for (int e = 0; e < eyes; e++) {
      try (Mat slot = irisPixels.rowRange(e * IRIS_SIZE, (e + 1) * IRIS_SIZE)) {
        warp(bgr, slot, crops[e], IRIS_SIZE);
      }
    }
    try (Mat used = irisPixels.rowRange(0, eyes * IRIS_SIZE)) {
      toFloats(used, irisRgb, irisInput, 1 / 255.0, 0);
    }
    timings.put("irisInput", ms(t));
    t = System.nanoTime();
    float[] out = predict(iris, irisInput, eyes, IRIS_SIZE)[0];
    timings.put("iris", ms(t));
    for (int e = 0; e < eyes; e++) {
      float[] xyz = all[kept.get(e / 2)];
      int firstTarget = e % 2 == 0 ? Landmarks.RIGHT_IRIS_CENTER : Landmarks.LEFT_IRIS_CENTER;
      CropTransform c = crops[e];
      for (int p = 0; p < 5; p++) {
        int r = e * IRIS_VALUES + p * 3;
        // Mirroring the crop swaps the iris edge points on either side of the centre (1 and 3).
        int target = (firstTarget + (mirrored(e) && p % 2 == 1 ? 4 - p : p)) * 3;
        xyz[target] = (float) c.x(out[r], out[r + 1]);
        xyz[target + 1] = (float) c.y(out[r], out[r + 1]);
        xyz[target + 2] = (float) (out[r + 2] * c.scale());
      }
    }
  }

  /** Odd eyes of the batch are the person's left eyes, whose crops are mirrored. */
  private static boolean mirrored(int eye) {
    return eye % 2 == 1;
  }

  /** A square around the eye corners, turned with them, {@link #EYE_CROP_SCALE} times as wide. */
  private static CropTransform eyeCrop(float[] xyz, int from, int to, boolean mirror) {
    double x0 = xyz[from * 3];
    double y0 = xyz[from * 3 + 1];
    double x1 = xyz[to * 3];
    double y1 = xyz[to * 3 + 1];
    double angle = Math.atan2(y1 - y0, x1 - x0);
    double side = Math.hypot(x1 - x0, y1 - y0) * EYE_CROP_SCALE;
    return CropTransform.square((x0 + x1) / 2, (y0 + y1) / 2, side, angle, IRIS_SIZE, mirror);
  }

  /**
   * Runs a model on a batch of {@code batch} square RGB float images of side {@code size}, laid out
   * one after another in {@code input}; returns each output as a flat array.
   */
  private float[][] predict(Predictor<NDList, NDList> model, Mat input, int batch, int size)
      throws TranslateException {
    try (NDManager call = manager.newSubManager()) {
      NDList out =
          model.predict(
              new NDList(
                  call.create(
                      (FloatBuffer) input.createBuffer(), new Shape(batch, size, size, 3))));
      float[][] values = new float[out.size()][];
      for (int i = 0; i < values.length; i++) {
        values[i] = out.get(i).toFloatArray();
      }
      out.close();
      return values;
    }
  }

  private void warp(Mat src, Mat dst, CropTransform t, int size) {
    t.writeTo(affineValues);
    warpAffine(
        src,
        dst,
        affine,
        squares.computeIfAbsent(size, side -> new Size(side, side)),
        INTER_LINEAR | WARP_INVERSE_MAP,
        BORDER_CONSTANT,
        black);
  }

  /** 8-bit BGR to float RGB scaled as {@code v * alpha + beta}, into reused buffers. */
  private static void toFloats(Mat bgr, Mat rgb, Mat floats, double alpha, double beta) {
    cvtColor(bgr, rgb, COLOR_BGR2RGB);
    rgb.convertTo(floats, CV_32FC3, alpha, beta);
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }

  @Override
  public void close() {
    detectors.values().forEach(Predictor::close);
    detectorPixels.values().forEach(Mat::close);
    mesh.close();
    iris.close();
    manager.close();
    affineValues.close();
    squares.values().forEach(Size::close);
    black.close();
    for (Mat m :
        List.of(
            affine,
            detectorRgb,
            detectorInput,
            meshPixels,
            meshRgb,
            meshInput,
            irisPixels,
            irisRgb,
            irisInput)) {
      m.close();
    }
  }
}
