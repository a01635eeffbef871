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
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.TranslateException;
import java.nio.ByteOrder;
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
 * <p>Per frame: the whole frame, letterboxed, through the face detector when a search is due; then
 * a rotated crop of each face through MediaPipe's attention mesh, which gives the 468 mesh points
 * and, from its own eye regions, refined eyes and both irises. Crops are cut with {@code
 * warpAffine} straight from the frame and converted to RGB floats in place, so no pixel is touched
 * from Java.
 */
final class VisionWorker implements AutoCloseable {
  static final int MESH_SIZE = 192;

  /** Face presence a followed face needs to stay followed, as in MediaPipe's tracking. */
  static final float MIN_PRESENCE = 0.5f;

  /**
   * Face presence enough for a newly detected face, which a close-up look with the detector must
   * confirm as well (see {@link #confirmed}). Lower than {@link #MIN_PRESENCE}: the mesh doubts
   * faces in full profile, and a profile next to a student is what an exam must not miss.
   */
  static final float MIN_NEW_PRESENCE = 0.1f;

  /**
   * The close-up a new face is confirmed on, in sides of its region: twice the region, three times
   * the face, about the scale the short-range detector was made for.
   */
  static final double CLOSE_UP = 2;

  /** How much neighbouring tiles overlap, so that a face on a tile's edge is whole in the other. */
  static final double TILE_OVERLAP = 0.2;

  private final int maxFaces;
  private final NDManager manager;
  private final java.util.EnumMap<DetectorSpec, Predictor<NDList, NDList>> detectors =
      new java.util.EnumMap<>(DetectorSpec.class);
  private final java.util.EnumMap<DetectorSpec, Mat> detectorPixels =
      new java.util.EnumMap<>(DetectorSpec.class);
  private final Predictor<NDList, NDList> mesh;

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

  VisionWorker(FaceModels models, int maxFaces) {
    this.maxFaces = maxFaces;
    this.manager = models.mesh.getNDManager().newSubManager();
    for (DetectorSpec spec : DetectorSpec.values()) {
      detectors.put(spec, models.newDetectorPredictor(spec));
      detectorPixels.put(spec, new Mat(spec.inputSize, spec.inputSize, CV_8UC3));
    }
    this.mesh = models.newMeshPredictor();
    this.meshPixels = new Mat(MESH_SIZE, MESH_SIZE, CV_8UC3);
  }

  /**
   * Every face in a single image, however small: the full-range detector on overlapping tiles, the
   * short-range one on the whole frame, then the mesh for all. Tiles come first because their
   * boxes, seen at a larger scale, frame a face more exactly, and the attention mesh wants a well
   * framed face. For one-off images; a stream of frames goes through a {@link FaceTracker}, which
   * spreads this work over frames.
   */
  FaceAnalysis analyze(Mat bgr, int tilesPerSide) throws TranslateException {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    List<FaceRegion> regions = new ArrayList<>();
    for (CropTransform tile : tiles(bgr.cols(), bgr.rows(), tilesPerSide)) {
      addNew(regions, detect(bgr, DetectorSpec.FULL_RANGE, tile, timings));
    }
    addNew(
        regions,
        detect(bgr, DetectorSpec.SHORT_RANGE, wholeFrame(bgr, DetectorSpec.SHORT_RANGE), timings));
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
    float[] raw = predict(detectors.get(spec), detectorInput, spec.inputSize)[0];
    timings.merge("detector", ms(t), Double::sum);
    List<Detection> inInput = spec.decode(raw, 0);
    List<Detection> inFrame = new ArrayList<>(inInput.size());
    for (Detection d : inInput) {
      inFrame.add(toFrame(d, box));
    }
    return WeightedNms.apply(inFrame, DetectorSpec.NMS_IOU);
  }

  private static Detection toFrame(Detection d, CropTransform t) {
    return new Detection(
        (float) t.x(d.x0(), d.y0()),
        (float) t.y(d.x0(), d.y0()),
        (float) t.x(d.x1(), d.y1()),
        (float) t.y(d.x1(), d.y1()),
        d.score(),
        toFrame(t, d.keypoints()));
  }

  /** A face found by the mesh, and the region to look for it in the next frame. */
  record TrackedFace(Face face, FaceRegion next) {}

  /**
   * The attention mesh on each region, one after another. Regions where the mesh sees no face are
   * dropped, and so is a face found twice.
   */
  List<TrackedFace> faces(Mat bgr, List<FaceRegion> regions, Map<String, Double> timings)
      throws TranslateException {
    List<TrackedFace> faces = new ArrayList<>();
    List<FaceRegion> keptRegions = new ArrayList<>();
    for (FaceRegion region : regions.subList(0, Math.min(regions.size(), maxFaces))) {
      long t = System.nanoTime();
      warp(bgr, meshPixels, region.crop(), MESH_SIZE);
      toFloats(meshPixels, meshRgb, meshInput, 1 / 255.0, 0);
      timings.merge("meshInput", ms(t), Double::sum);
      t = System.nanoTime();
      float[][] out = predict(mesh, meshInput, MESH_SIZE);
      timings.merge("mesh", ms(t), Double::sum);
      float presence = out[1][0];
      if (presence < (region.detected() ? MIN_NEW_PRESENCE : MIN_PRESENCE)
          || region.detected() && !confirmed(bgr, region, timings)) {
        continue; // no face in this region: a false detection, or a tracked face that left
      }
      float[] xyz = landmarks(region.crop(), out);
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
              FaceRegion.fromLandmarks(landmarks, score, MESH_SIZE)));
    }
    return faces;
  }

  /**
   * Whether the short-range detector, shown a close-up of a newly detected face's region, finds a
   * face there too. A detection from far away (a tile, a whole frame) can be a face-like object
   * that the attention mesh would then take for a face; close up, at the detector's own scale, it
   * is rejected.
   */
  private boolean confirmed(Mat bgr, FaceRegion region, Map<String, Double> timings)
      throws TranslateException {
    double side = region.side() * CLOSE_UP;
    CropTransform closeUp =
        CropTransform.letterbox(
            region.centreX() - side / 2,
            region.centreY() - side / 2,
            side,
            side,
            DetectorSpec.SHORT_RANGE.inputSize);
    return detect(bgr, DetectorSpec.SHORT_RANGE, closeUp, timings).stream()
        .anyMatch(d -> region.covers(d.centreX(), d.centreY()));
  }

  /**
   * The 478 points in frame pixels from the model's outputs (mesh, face flag, then left eye, left
   * iris, right eye, right iris, all in crop pixels): the mesh refined by the eye regions.
   */
  private static float[] landmarks(CropTransform crop, float[][] out) {
    float[] xyz = new float[Landmarks.COUNT * 3];
    float[] mesh = out[0];
    double zScale = crop.scale();
    for (int p = 0; p < Landmarks.MESH_COUNT; p++) {
      xyz[p * 3] = (float) crop.x(mesh[p * 3], mesh[p * 3 + 1]);
      xyz[p * 3 + 1] = (float) crop.y(mesh[p * 3], mesh[p * 3 + 1]);
      xyz[p * 3 + 2] = (float) (mesh[p * 3 + 2] * zScale);
    }
    MeshRefinement.refine(
        xyz,
        toFrame(crop, out[2]),
        toFrame(crop, out[3]),
        toFrame(crop, out[4]),
        toFrame(crop, out[5]));
    return xyz;
  }

  /** (x, y) pairs from crop (or detector input) to frame pixels. */
  private static float[] toFrame(CropTransform crop, float[] xy) {
    float[] frame = new float[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      frame[i] = (float) crop.x(xy[i], xy[i + 1]);
      frame[i + 1] = (float) crop.y(xy[i], xy[i + 1]);
    }
    return frame;
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
   * Runs a model on one square RGB float image of side {@code size}, which libtorch reads in place
   * from {@code input}; returns each output as a flat array.
   */
  private float[][] predict(Predictor<NDList, NDList> model, Mat input, int size)
      throws TranslateException {
    try (NDManager call = manager.newSubManager()) {
      NDList out =
          model.predict(
              new NDList(
                  call.create(
                      input
                          .data()
                          .capacity(input.total() * input.elemSize())
                          .asByteBuffer()
                          .order(ByteOrder.nativeOrder()),
                      new Shape(1, size, size, 3),
                      DataType.FLOAT32)));
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
    manager.close();
    affineValues.close();
    squares.values().forEach(Size::close);
    black.close();
    for (Mat m : List.of(affine, detectorRgb, detectorInput, meshPixels, meshRgb, meshInput)) {
      m.close();
    }
  }
}
