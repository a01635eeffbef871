package org.smartsession.engine.vision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the face models are loaded and warmed up (or vision is switched off, which its data
 * says); reported at {@code /health/ready}.
 */
@Readiness
@ApplicationScoped
public class VisionReadiness implements HealthCheck {

  @Inject DjlFaceAnalyzer analyzer;

  @Override
  public HealthCheckResponse call() {
    return of(analyzer);
  }

  static HealthCheckResponse of(DjlFaceAnalyzer analyzer) {
    String failure = analyzer.failure();
    return HealthCheckResponse.named("face-models")
        .status(failure == null)
        .withData("state", failure == null ? "loaded" : failure)
        .build();
  }
}
