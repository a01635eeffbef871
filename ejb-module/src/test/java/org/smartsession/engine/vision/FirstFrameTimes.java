package org.smartsession.engine.vision;

import java.util.Locale;
import org.smartsession.engine.config.FrameLimits;
import org.smartsession.engine.config.VisionSettings;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.JpegFrameDecoder;

/**
 * The first frames of the first student after the models loaded, in a fresh JVM: the time of each
 * of the first 12 frames of one stream (decoding included), with or without the warm-up the
 * analyzer runs before it is ready. Run in alternation, one JVM each: {@code mvn -Pbench -pl
 * ejb-module -am test-compile -Dbench.main=org.smartsession.engine.vision.FirstFrameTimes
 * -Dbench.jvm="-Dwarm=true"} (or {@code -Dwarm=false}).
 */
public final class FirstFrameTimes {
  private FirstFrameTimes() {}

  public static void main(String[] args) throws Exception {
    boolean warm = Boolean.getBoolean("warm");
    JpegFrameDecoder decoder = new JpegFrameDecoder(FrameLimits.DEFAULTS);
    byte[] jpeg = VisionStageTimes.oneFaceJpeg();
    try (FaceModels models = FaceModels.loadBundled()) {
      long w0 = System.nanoTime();
      if (warm) {
        try (VisionWorker warming = new VisionWorker(models, 4)) {
          warming.warmUp(DjlFaceAnalyzer.WARM_UP_RUNS);
        }
      }
      double warmMs = (System.nanoTime() - w0) / 1e6;
      // A frame worker of its own, as the first student's frames get one.
      try (VisionWorker worker = new VisionWorker(models, 4)) {
        MeshFaceTracker tracker = new MeshFaceTracker(VisionSettings.DEFAULTS);
        StringBuilder times = new StringBuilder();
        double firstFive = 0;
        for (int i = 0; i < 12; i++) {
          long t0 = System.nanoTime();
          try (DecodedFrame frame = decoder.decode(jpeg)) {
            tracker.analyze(worker.stages(), frame.bgr(), i * 500L);
          }
          double ms = (System.nanoTime() - t0) / 1e6;
          firstFive += i < 5 ? ms : 0;
          times.append(String.format(Locale.ROOT, " %.0f", ms));
        }
        System.out.printf(
            Locale.ROOT,
            "warm-up %s (%.0f ms): first 12 frames, ms:%s; first five together %.0f ms%n",
            warm ? "on" : "off",
            warmMs,
            times,
            firstFive);
      }
    }
  }
}
