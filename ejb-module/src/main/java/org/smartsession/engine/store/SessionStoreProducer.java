package org.smartsession.engine.store;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.smartsession.engine.config.RedisSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.session.SessionStore;

/**
 * Chooses the store: Redis (with this server's copy, for outages) when {@code
 * smartsession.redis.url} or a Sentinel is set, otherwise memory.
 */
@ApplicationScoped
public class SessionStoreProducer {
  private static final Logger LOG = Logger.getLogger(SessionStoreProducer.class.getName());

  @Inject RedisSettings redis;
  @Inject StoreLimits limits;
  @Inject Clock clock;

  private ResilientRedisStore redisStore;

  @Produces
  @ApplicationScoped
  SessionStore sessionStore() {
    if (redis.enabled()) {
      redisStore =
          new ResilientRedisStore(
              new RedisSessionStore(RedisClients.open(redis), limits, clock),
              new InMemorySessionStore(limits, clock),
              clock);
      LOG.info(() -> "Session state is kept in Redis at " + redis.describe());
      return redisStore;
    }
    LOG.info("No Redis configured (smartsession.redis.url): session state is kept in memory");
    return new InMemorySessionStore(limits, clock);
  }

  /** The Redis store, once produced; none in memory mode. */
  public Optional<ResilientRedisStore> redisStore() {
    return Optional.ofNullable(redisStore);
  }

  @PreDestroy
  void close() {
    if (redisStore != null) {
      redisStore.close();
    }
  }
}
