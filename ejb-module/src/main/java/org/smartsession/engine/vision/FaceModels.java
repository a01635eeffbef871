package org.smartsession.engine.vision;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.logging.Logger;

/**
 * The face models as TorchScript, loaded once through DJL's PyTorch engine, fully offline (libtorch
 * comes from the pytorch-native-cpu jar on the class path). Predictors are not thread-safe: each
 * frame worker makes its own.
 */
final class FaceModels implements AutoCloseable {
  static final String RESOURCE_DIR = "models/face/";
  static final String MESH = "face-mesh-attention.pt";
  private static final Logger LOG = Logger.getLogger(FaceModels.class.getName());
  private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
  private static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  private final Path directory;
  private final List<ZooModel<NDList, NDList>> loaded = new ArrayList<>();
  private final EnumMap<DetectorSpec, ZooModel<NDList, NDList>> detectors =
      new EnumMap<>(DetectorSpec.class);
  final ZooModel<NDList, NDList> mesh;

  private FaceModels(Path directory)
      throws IOException, ModelNotFoundException, MalformedModelException {
    this.directory = directory;
    for (DetectorSpec spec : DetectorSpec.values()) {
      detectors.put(spec, load(spec.file));
    }
    this.mesh = load(MESH);
  }

  /** Loads the models bundled in this application's class path. */
  static FaceModels loadBundled()
      throws IOException, ModelNotFoundException, MalformedModelException {
    configureThreads();
    Path dir = Files.createTempDirectory("smartsession-models");
    dir.toFile().deleteOnExit();
    for (String file : List.of(DetectorSpec.SHORT_RANGE.file, DetectorSpec.FULL_RANGE.file, MESH)) {
      try (InputStream in =
          FaceModels.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
        if (in == null) {
          throw new IOException("model " + RESOURCE_DIR + file + " is missing from the class path");
        }
        Path target = dir.resolve(file);
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().deleteOnExit();
      }
    }
    return new FaceModels(dir);
  }

  /**
   * One intra-op and one inter-op thread per inference: frames are already processed in parallel by
   * the workers, and these small models run twice as slowly with two intra-op threads. Set through
   * DJL's own API once its engine is up, unless the deployer chose otherwise with DJL's JVM options
   * ({@code -Dai.djl.pytorch.num_threads}, {@code -Dai.djl.pytorch.num_interop_threads}), which the
   * engine applies itself.
   */
  static void configureThreads() {
    Engine.getEngine("PyTorch");
    if (System.getProperty(NUM_THREADS) == null) {
      JniUtils.setNumThreads(1);
    }
    if (System.getProperty(NUM_INTEROP_THREADS) == null && JniUtils.getNumInteropThreads() != 1) {
      try {
        JniUtils.setNumInteropThreads(1);
      } catch (RuntimeException e) {
        // libtorch takes it only before its first parallel work (say, in an earlier deployment).
        LOG.warning(
            () ->
                "PyTorch keeps "
                    + JniUtils.getNumInteropThreads()
                    + " inter-op threads; start the JVM with -D"
                    + NUM_INTEROP_THREADS
                    + "=1 for the fastest inference");
      }
    }
  }

  private ZooModel<NDList, NDList> load(String file)
      throws IOException, ModelNotFoundException, MalformedModelException {
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(directory.resolve(file))
            .optEngine("PyTorch")
            .build();
    ZooModel<NDList, NDList> model = criteria.loadModel();
    loaded.add(model);
    return model;
  }

  ZooModel<NDList, NDList> detector(DetectorSpec spec) {
    return detectors.get(spec);
  }

  Predictor<NDList, NDList> newDetectorPredictor(DetectorSpec spec) {
    return detectors.get(spec).newPredictor();
  }

  Predictor<NDList, NDList> newMeshPredictor() {
    return mesh.newPredictor();
  }

  @Override
  public void close() {
    loaded.forEach(ZooModel::close);
    try (var files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
