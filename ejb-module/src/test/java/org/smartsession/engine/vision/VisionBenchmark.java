package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.smartsession.model.face.FaceAnalysis;

/**
 * The vision engine on one 640×480 frame with one face (the astronaut fixture, padded to 640×480),
 * after decoding: detectors, mesh and iris, with their input preparation. Run with {@code -t 1} for
 * one worker and {@code -t 2} for two (each thread has its own worker, as in the server). Times are
 * per frame, also when a worker takes the frames of several students at once.
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
    List<MeshFaceTracker> students = new ArrayList<>();
    List<Mat> frames;

    @Setup(Level.Trial)
    public void setUp(VisionBenchmark shared) {
      worker = new VisionWorker(shared.models, 4);
      tracker = new MeshFaceTracker(VisionSettings.defaults());
      for (int s = 0; s < STUDENTS; s++) {
        MeshFaceTracker student = new MeshFaceTracker(VisionSettings.defaults());
        // Students' streams are out of step, as in a class: their detector turns differ.
        for (int k = 0; k < s; k++) {
          try {
            student.analyze(worker, shared.frame);
          } catch (ai.djl.translate.TranslateException e) {
            throw new IllegalStateException(e);
          }
        }
        students.add(student);
      }
      frames = Collections.nCopies(STUDENTS, shared.frame);
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
    return w.tracker.analyze(w.worker, frame);
  }

  /** Students taken together by one worker, as when several frames wait. */
  static final int STUDENTS = 4;

  /** {@value #STUDENTS} students' streams, their frames taken together: time per frame. */
  @Benchmark
  @OperationsPerInvocation(STUDENTS)
  public List<FaceAnalysis> streamsOfFourStudentsTogether(Worker w) throws Exception {
    return MeshFaceTracker.analyzeTogether(w.worker, w.students, w.frames);
  }

  /** A single image searched thoroughly: whole frame and every tile. */
  @Benchmark
  public FaceAnalysis singleImageOneFace(Worker w) throws Exception {
    return w.worker.analyze(frame, VisionSettings.defaults().tilesPerSide());
  }
}
