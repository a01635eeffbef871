package org.smartsession.engine.vision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the face models are loaded and warmed up: {@code /health/started}. A class of its
 * own: Payara registers a check under one of the kinds only.
 */
@Startup
@ApplicationScoped
public class VisionStartup implements HealthCheck {

  @Inject DjlFaceAnalyzer analyzer;

  @Override
  public HealthCheckResponse call() {
    return VisionReadiness.of(analyzer);
  }
}
