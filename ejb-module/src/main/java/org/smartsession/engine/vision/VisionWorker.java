package org.smartsession.engine.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.translate.TranslateException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.bytedeco.opencv.opencv_core.Mat;
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

  private FaceStages stagesOver(BiFunction<CropModel, String, CropModel> wrap) {
    EnumMap<DetectorSpec, FaceDetector> detectors = new EnumMap<>(DetectorSpec.class);
    detectorModels.forEach(
        (spec, model) ->
            detectors.put(spec, new FaceDetector(spec, wrap.apply(model, FaceDetector.STAGE))));
    AttentionMesh mesh = new AttentionMesh(wrap.apply(meshModel, AttentionMesh.STAGE));
    return new FaceFinder(detectors, mesh, maxFaces);
  }

  @Override
  public void close() {
    detectorModels.values().forEach(CropPredictor::close);
    meshModel.close();
    manager.close();
  }
}
