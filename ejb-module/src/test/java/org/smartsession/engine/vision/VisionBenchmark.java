package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.model.face.FaceAnalysis;

/**
 * The vision engine on one 640×480 frame with one face (the astronaut fixture, padded to 640×480),
 * after decoding: detectors and the attention mesh, with their input preparation. Run with {@code
 * -t 1} for one worker and {@code -t 2} for two (each thread has its own worker, as in the server).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VisionBenchmark {
  FaceModels models;
  Mat frame;

  /** Each benchmark thread's own worker, as each frame worker thread has in the server. */
  @State(Scope.Thread)
  public static class Worker {
    VisionWorker worker;
    MeshFaceTracker tracker;
    long timestampMs;

    @Setup(Level.Trial)
    public void setUp(VisionBenchmark shared) {
      worker = new VisionWorker(shared.models, 4);
      tracker = new MeshFaceTracker(VisionSettings.DEFAULTS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      worker.close();
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    models = FaceModels.loadBundled();
    try (Mat astronaut = VisionPipelineTest.fixture("astronaut.jpg");
        Mat top = astronaut.rowRange(0, 480)) {
      frame = new Mat();
      copyMakeBorder(top, frame, 0, 0, 64, 64, BORDER_REPLICATE, new Scalar());
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    frame.close();
    models.close();
  }

  /** A student's stream: the face followed by its mesh, the detectors on some frames. */
  @Benchmark
  public FaceAnalysis streamOneFace(Worker w) throws Exception {
    w.timestampMs += 500; // 2 frames per second, as the student page sends
    return w.tracker.analyze(w.worker.stages(), frame, w.timestampMs);
  }

  /** A single image searched thoroughly: whole frame and every tile. */
  @Benchmark
  public FaceAnalysis singleImageOneFace(Worker w) throws Exception {
    return w.worker.analyze(frame, VisionSettings.DEFAULTS.tilesPerSide());
  }
}
