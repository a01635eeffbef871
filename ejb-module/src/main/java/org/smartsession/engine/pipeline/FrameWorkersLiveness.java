package org.smartsession.engine.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless frames have waited a minute with no frame worker finishing one (a frame takes
 * milliseconds, and goes stale after seconds): then the workers are stuck, and {@code /health/live}
 * tells the orchestrator to restart the server.
 */
@Liveness
@ApplicationScoped
public class FrameWorkersLiveness implements HealthCheck {
  static final long STUCK_AFTER_MS = 60_000;

  @Inject FramePipeline pipeline;

  @Override
  public HealthCheckResponse call() {
    boolean stuck = pipeline.isStuck(STUCK_AFTER_MS);
    return HealthCheckResponse.named("frame-workers")
        .status(!stuck)
        .withData("state", stuck ? "frames waited over 60 s with no worker finishing one" : "ok")
        .build();
  }
}
