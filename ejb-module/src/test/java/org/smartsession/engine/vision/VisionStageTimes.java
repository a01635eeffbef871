package org.smartsession.engine.vision;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.smartsession.engine.config.FrameLimits;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.model.face.FaceAnalysis;

/**
 * Per-stage times of one student's stream on one thread: a 640×480 JPEG with one face, decoded and
 * analysed as the server does, frame after frame. Prints, per stage, the mean time per frame
 * (stages that run on some frames only are averaged over all frames), as {@link VisionWorker#timed}
 * measures them; the wall time per frame, decoding included; the thread's CPU time per frame, which
 * a busy machine disturbs less than wall time, and the process's memory. Run: {@code mvn -Pbench
 * -pl ejb-module -am test-compile -Dbench.main=org.smartsession.engine.vision.VisionStageTimes
 * -Dbench.jvm="-Dframes=400"}; add {@code -DdetectEvery=N -DtileScanEvery=M} inside {@code
 * bench.jvm} for another search cadence.
 */
public final class VisionStageTimes {
  private VisionStageTimes() {}

  public static void main(String[] args) throws Exception {
    int warmup = 100;
    int frames = Integer.getInteger("frames", 600);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    JpegFrameDecoder decoder = new JpegFrameDecoder(FrameLimits.DEFAULTS);
    byte[] jpeg = oneFaceJpeg();
    System.out.printf(Locale.ROOT, "one-face 640x480 JPEG, %d bytes%n", jpeg.length);
    try (FaceModels models = FaceModels.loadBundled();
        VisionWorker worker = new VisionWorker(models, 4)) {
      VisionSettings d = VisionSettings.DEFAULTS;
      // The searches' cadence, as the server's settings would give it (default: the defaults).
      VisionSettings settings =
          new VisionSettings(
              true,
              Integer.getInteger("detectEvery", d.detectEvery()),
              Integer.getInteger("tileScanEvery", d.tileScanEvery()),
              d.tilesPerSide(),
              d.maxFaces(),
              d.searchAtLeastEveryMs());
      System.out.printf(
          Locale.ROOT,
          "whole-frame detector every %d frames, one tile every %d frames%n",
          settings.detectEvery(),
          settings.tileScanEvery());
      MeshFaceTracker tracker = new MeshFaceTracker(settings);
      // The stages timed step by step, as the diagnostics time them; warm-up frames apart.
      Map<String, Double> sums = new TreeMap<>();
      FaceStages warmingUp = worker.timed(new HashMap<>());
      FaceStages measured = worker.timed(sums);
      List<Double> totals = new ArrayList<>();
      long cpu = 0;
      int faces = 0;
      for (int i = 0; i < warmup + frames; i++) {
        boolean measuring = i >= warmup;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        FaceAnalysis analysis;
        double decodeMs;
        double analysisMs;
        try (DecodedFrame frame = decoder.decode(jpeg)) {
          long t1 = System.nanoTime();
          decodeMs = (t1 - t0) / 1e6;
          analysis =
              tracker.analyze(
                  measuring ? measured : warmingUp, frame.bgr(), i * 500L); // 2 frames per second
          analysisMs = (System.nanoTime() - t1) / 1e6;
        }
        double total = (System.nanoTime() - t0) / 1e6;
        if (measuring) {
          cpu += threads.getCurrentThreadCpuTime() - cpu0;
          totals.add(total);
          faces = analysis.faceCount();
          sums.merge("decode", decodeMs, Double::sum);
          sums.merge("total", analysisMs, Double::sum);
        }
      }
      double mean = totals.stream().mapToDouble(Double::doubleValue).sum() / frames;
      Collections.sort(totals);
      System.out.printf(Locale.ROOT, "frames %d, faces in the last %d%n", frames, faces);
      sums.forEach(
          (stage, sum) ->
              System.out.printf(Locale.ROOT, "%-14s mean %6.2f ms/frame%n", stage, sum / frames));
      System.out.printf(
          Locale.ROOT,
          "per frame, decoding included: mean %.2f ms, median %.2f ms, p90 %.2f ms wall;"
              + " %.2f ms CPU%n",
          mean,
          totals.get(frames / 2),
          totals.get(frames * 9 / 10),
          cpu / 1e6 / frames);
      Runtime heap = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "memory: resident %s, Java heap used %d MiB%n",
          residentSize(),
          (heap.totalMemory() - heap.freeMemory()) >> 20);
    }
  }

  /** The process's resident set (models, libtorch, OpenCV and the JVM), from /proc on Linux. */
  private static String residentSize() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("VmRSS:"))
          .map(line -> line.substring(6).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The astronaut fixture on a 640×480 frame, as a JPEG of webcam quality. */
  static byte[] oneFaceJpeg() throws Exception {
    try (Mat astronaut = VisionPipelineTest.fixture("astronaut.jpg");
        Mat top = astronaut.rowRange(0, 480);
        Mat frame = new Mat()) {
      copyMakeBorder(top, frame, 0, 0, 64, 64, BORDER_REPLICATE, new Scalar());
      try (BytePointer buffer = new BytePointer();
          IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, 70)) {
        // quality 70: what the student page sends by default (canvas JPEG quality 0.7)
        imencode(".jpg", frame, buffer, params);
        byte[] bytes = new byte[(int) buffer.limit()];
        buffer.get(bytes);
        return bytes;
      }
    }
  }
}
