package org.smartsession.engine.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.smartsession.model.session.SessionStore;

/**
 * Ready while the session store answers: always in memory; with Redis, while it answers a ping.
 * Reported at {@code /health/ready}, so a load balancer sends no new students to a server that
 * cannot keep their state.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

  @Inject SessionStore store;

  @Override
  public HealthCheckResponse call() {
    try {
      store.checkAvailable();
      return HealthCheckResponse.named("session-store").up().withData("kind", store.kind()).build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named("session-store")
          .down()
          .withData("kind", store.kind())
          .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
          .build();
    }
  }
}
