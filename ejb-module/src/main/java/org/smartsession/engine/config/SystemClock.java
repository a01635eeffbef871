package org.smartsession.engine.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The server's clock, injected wherever server time is read, so that tests can set it. */
@ApplicationScoped
public class SystemClock {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
