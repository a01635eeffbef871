package org.smartsession.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.AnalyzeLimits;
import org.smartsession.engine.config.FrameLimits;
import org.smartsession.engine.image.DecodedFrame;
import org.smartsession.engine.image.JpegFrameDecoder;
import org.smartsession.engine.session.LimitReachedException;
import org.smartsession.model.face.FaceAnalysis;

/** Single images are analysed at most so many at once; one more is refused, not queued. */
class ImageAnalysisTest {

  /** An analyzer that holds each call until the test lets it go. */
  private static final class HeldAnalyzer implements FaceAnalyzer {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public FaceAnalysis analyze(DecodedFrame frame) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new FaceAnalysis(frame.width(), frame.height(), List.of(), Map.of());
    }

    @Override
    public FaceTracker newTracker() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void oneMoreThanTheLimitIsRefusedWithWhenToRetry() throws Exception {
    HeldAnalyzer held = new HeldAnalyzer();
    ImageAnalysis analysis = new ImageAnalysis();
    analysis.ready =
        new ReadyAnalyzer() {
          @Override
          public Optional<FaceAnalyzer> get() {
            return Optional.of(held);
          }
        };
    analysis.decoder = new JpegFrameDecoder(FrameLimits.DEFAULTS);
    analysis.limits = new AnalyzeLimits(1);
    analysis.bound();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    byte[] image = jpeg.toByteArray();

    CompletableFuture<FaceAnalysis> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return analysis.analyze(image);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    held.entered.await();
    LimitReachedException busy =
        assertThrows(LimitReachedException.class, () -> analysis.analyze(image));
    assertEquals(1, busy.retryAfterSeconds());

    held.release.countDown();
    assertEquals(320, first.get().width());
    assertEquals(240, analysis.analyze(image).height(), "free again");
  }
}
