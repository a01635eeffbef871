package org.smartsession.engine.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.smartsession.engine.config.EngineSettings;

/** One JPEG decoder, with the configured frame limits, for the frame workers and diagnostics. */
@ApplicationScoped
public class FrameDecoderProducer {

  @Inject EngineSettings settings;

  @Produces
  @Singleton
  JpegFrameDecoder decoder() {
    return new JpegFrameDecoder(settings.frameLimits());
  }

  void close(@Disposes JpegFrameDecoder decoder) {
    decoder.close();
  }
}
