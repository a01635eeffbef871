package org.smartsession.engine.vision;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forward passes alone, one thread: each bundled model (and any TorchScript file given as {@code
 * path:n,h,w,c}, for instance an earlier model taken from the repository's history) on a random
 * input, in rounds that take the models in turn, so that a machine whose speed drifts treats them
 * alike. Prints the median and the fastest round per model. Run: {@code mvn -Pbench -pl ejb-module
 * -am test-compile -Dbench.main=org.smartsession.engine.vision.ModelForwardTimes}, with {@code
 * -Dbench.args="old.pt:1,192,192,3"} to add models.
 */
public final class ModelForwardTimes {
  private static final int ROUNDS = 7;
  private static final int CALLS = 100;

  private ModelForwardTimes() {}

  public static void main(String[] args) throws Exception {
    try (FaceModels models = FaceModels.loadBundled();
        NDManager manager = NDManager.newBaseManager()) {
      Map<String, Predictor<NDList, NDList>> predictors = new LinkedHashMap<>();
      Map<String, NDArray> inputs = new LinkedHashMap<>();
      for (DetectorSpec spec : DetectorSpec.values()) {
        predictors.put(spec.file, models.newDetectorPredictor(spec));
        inputs.put(spec.file, image(manager, 1, spec.inputSize));
      }
      predictors.put(FaceModels.MESH, models.newMeshPredictor());
      inputs.put(FaceModels.MESH, image(manager, 1, AttentionMesh.SIZE));
      List<ZooModel<NDList, NDList>> extra = new ArrayList<>();
      for (String arg : args) {
        if (arg.startsWith("-") || !arg.contains(":")) {
          continue; // the bench profile's JMH options
        }
        String[] parts = arg.split(":");
        long[] shape = Arrays.stream(parts[1].split(",")).mapToLong(Long::parseLong).toArray();
        ZooModel<NDList, NDList> model =
            Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(Path.of(parts[0]))
                .optEngine("PyTorch")
                .build()
                .loadModel();
        extra.add(model);
        predictors.put(parts[0], model.newPredictor());
        inputs.put(parts[0], manager.randomUniform(0, 1, new Shape(shape)));
      }
      Map<String, double[]> rounds = new LinkedHashMap<>();
      predictors.keySet().forEach(name -> rounds.put(name, new double[ROUNDS]));
      for (int round = 0; round < ROUNDS; round++) {
        for (var entry : predictors.entrySet()) {
          rounds.get(entry.getKey())[round] =
              msPerCall(entry.getValue(), inputs.get(entry.getKey()));
        }
      }
      for (var entry : rounds.entrySet()) {
        double[] ms = entry.getValue();
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "%-28s median %.2f ms, fastest round %.2f ms (%d rounds of %d calls)%n",
            entry.getKey(),
            ms[ROUNDS / 2],
            ms[0],
            ROUNDS,
            CALLS);
      }
      predictors.values().forEach(Predictor::close);
      extra.forEach(ZooModel::close);
    }
  }

  private static NDArray image(NDManager manager, int batch, int size) {
    return manager.randomUniform(0, 1, new Shape(batch, size, size, 3));
  }

  private static double msPerCall(Predictor<NDList, NDList> predictor, NDArray input)
      throws Exception {
    for (int i = 0; i < 10; i++) {
      predictor.predict(new NDList(input)).close();
    }
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      try (NDList out = predictor.predict(new NDList(input))) {
        out.get(0).toFloatArray();
      }
    }
    return (System.nanoTime() - start) / 1e6 / CALLS;
  }
}
