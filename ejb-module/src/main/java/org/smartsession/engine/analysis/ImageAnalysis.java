package org.smartsession.engine.analysis;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.smartsession.engine.config.AnalyzeLimits;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.FrameRejectedException;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.engine.session.LimitReachedException;
import org.smartsession.model.face.FaceAnalysis;

/**
 * Analyses one uploaded JPEG, for diagnostics: every face, landmarks, pose and stage timings. At
 * most {@link AnalyzeLimits#maxConcurrent} at once; one more is refused at once rather than queued
 * behind them, so that diagnostics never pile up beside the students' frames.
 */
@ApplicationScoped
public class ImageAnalysis {

  /** The face models are not loaded, so nothing can be analysed. */
  public static class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message) {
      super(message);
    }
  }

  @Inject ReadyAnalyzer ready;
  @Inject JpegFrameDecoder decoder;
  @Inject AnalyzeLimits limits;

  private Semaphore running;

  @PostConstruct
  void bound() {
    running = new Semaphore(limits.maxConcurrent());
  }

  /**
   * @throws LimitReachedException when {@link AnalyzeLimits#maxConcurrent} analyses run already
   */
  public FaceAnalysis analyze(byte[] jpeg)
      throws FrameRejectedException, UnavailableException, LimitReachedException {
    if (!running.tryAcquire()) {
      throw new LimitReachedException(
          "the server analyses " + limits.maxConcurrent() + " image(s) at a time; try again", 1);
    }
    try {
      return analyzeNow(jpeg);
    } finally {
      running.release();
    }
  }

  private FaceAnalysis analyzeNow(byte[] jpeg) throws FrameRejectedException, UnavailableException {
    FaceAnalyzer analyzer =
        ready
            .get()
            .orElseThrow(
                () ->
                    new UnavailableException("the face models are not loaded; see /health/ready"));
    long t = System.nanoTime();
    try (DecodedFrame frame = decoder.decode(jpeg)) {
      double decodeMs = (System.nanoTime() - t) / 1e6;
      FaceAnalysis analysis = analyzer.analyze(frame);
      Map<String, Double> timings = new LinkedHashMap<>();
      timings.put("decode", decodeMs);
      timings.putAll(analysis.timingsMs());
      return new FaceAnalysis(analysis.width(), analysis.height(), analysis.faces(), timings);
    }
  }
}
