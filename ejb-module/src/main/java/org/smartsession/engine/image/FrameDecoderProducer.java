package org.smartsession.engine.image;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.smartsession.engine.config.FrameLimits;

/** One JPEG decoder, with the configured frame limits, for the frame workers and diagnostics. */
@ApplicationScoped
public class FrameDecoderProducer {

  @Inject FrameLimits limits;

  @Produces
  @Singleton
  JpegFrameDecoder decoder() {
    return new JpegFrameDecoder(limits);
  }

  void close(@Disposes JpegFrameDecoder decoder) {
    decoder.close();
  }
}
