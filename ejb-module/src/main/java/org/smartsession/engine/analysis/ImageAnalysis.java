package org.smartsession.engine.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.FrameRejectedException;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.model.face.FaceAnalysis;

/** Analyses one uploaded JPEG, for diagnostics: every face, landmarks, pose and stage timings. */
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

  public FaceAnalysis analyze(byte[] jpeg) throws FrameRejectedException, UnavailableException {
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
