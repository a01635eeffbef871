package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.smartsession.model.face.Face;
import org.smartsession.model.face.FaceAnalysis;

/**
 * One frame worker's share of the vision engine: its own predictors and reusable image buffers, and
 * the {@link FaceStages} over them. Confined to one thread.
 */
final class VisionWorker implements AutoCloseable {
  private final int maxFaces;
  private final NDManager manager;
  private final EnumMap<DetectorSpec, CropPredictor> detectorModels =
      new EnumMap<>(DetectorSpec.class);
  private final CropPredictor meshModel;
  private final FaceStages stages;

  VisionWorker(FaceModels models, int maxFaces) {
    this.maxFaces = maxFaces;
    this.manager = models.mesh.getNDManager().newSubManager();
    for (DetectorSpec spec : DetectorSpec.values()) {
      detectorModels.put(spec, FaceDetector.newModel(models, spec, manager));
    }
    this.meshModel = AttentionMesh.newModel(models, manager);
    this.stages = stagesOver((model, stage) -> model);
  }

  /** The stages as a stream uses them, untimed. */
  FaceStages stages() {
    return stages;
  }

  /**
   * The same stages, each step adding its time to {@code timings}: {@code detectorInput}, {@code
   * detector}, {@code meshInput} and {@code mesh}, in milliseconds summed over the calls.
   */
  FaceStages timed(Map<String, Double> timings) {
    return stagesOver((model, stage) -> new TimedCropModel(model, stage, timings));
  }

  /**
   * Every face in a single image (see {@link SingleImageSearch}), with the time of each stage and
   * the {@code total}: the diagnostics path.
   */
  FaceAnalysis analyze(Mat bgr, int tilesPerSide) throws TranslateException {
    Map<String, Double> timings = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    List<Face> faces = SingleImageSearch.faces(timed(timings), bgr, tilesPerSide);
    timings.put("total", (System.nanoTime() - t0) / 1e6);
    return new FaceAnalysis(bgr.cols(), bgr.rows(), faces, timings);
  }

  /** The stages over this worker's models, each model as {@code wrap} gives it for its stage. */
  FaceStages stagesOver(BiFunction<CropModel, String, CropModel> wrap) {
    EnumMap<DetectorSpec, FaceDetector> detectors = new EnumMap<>(DetectorSpec.class);
    detectorModels.forEach(
        (spec, model) ->
            detectors.put(spec, new FaceDetector(spec, wrap.apply(model, FaceDetector.STAGE))));
    AttentionMesh mesh = new AttentionMesh(wrap.apply(meshModel, AttentionMesh.STAGE));
    return new FaceFinder(detectors, mesh, maxFaces);
  }

  /**
   * Runs every model {@code runs} times on a grey frame. TorchScript optimises a model during its
   * first runs, which made the first students' frames take seconds; a warmed model is at full speed
   * from the first real frame, on every worker (the optimised model is shared).
   */
  void warmUp(int runs) throws TranslateException {
    int width = 640;
    int height = 480;
    try (Mat grey = new Mat(height, width, CV_8UC3, new Scalar(128, 128, 128, 0))) {
      for (int i = 0; i < runs; i++) {
        for (DetectorSpec spec : DetectorSpec.values()) {
          stages.detect(
              spec,
              grey,
              CropTransform.letterbox(width, height, spec.inputSize),
              new ArrayList<>());
        }
        CropTransform centre =
            CropTransform.square(width / 2.0, height / 2.0, 240, 0, AttentionMesh.SIZE, false);
        stages.faces(grey, List.of(new FaceRegion(centre, AttentionMesh.SIZE, 1, true)));
      }
    }
  }

  @Override
  public void close() {
    detectorModels.values().forEach(CropPredictor::close);
    meshModel.close();
    manager.close();
  }
}
