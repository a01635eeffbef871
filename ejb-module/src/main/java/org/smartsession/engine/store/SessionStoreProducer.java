package org.smartsession.engine.store;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.logging.Logger;
import org.smartsession.engine.config.RedisSettings;
import org.smartsession.engine.config.StoreLimits;
import org.smartsession.model.session.SessionStore;
import redis.clients.jedis.RedisClient;

/** Chooses the store: Redis when {@code smartsession.redis.url} is set, otherwise memory. */
@ApplicationScoped
public class SessionStoreProducer {
  private static final Logger LOG = Logger.getLogger(SessionStoreProducer.class.getName());

  @Inject RedisSettings redis;
  @Inject StoreLimits limits;
  @Inject Clock clock;

  private RedisSessionStore redisStore;

  @Produces
  @ApplicationScoped
  SessionStore sessionStore() {
    return redis
        .url()
        .<SessionStore>map(
            url -> {
              redisStore =
                  new RedisSessionStore(RedisClient.create(URI.create(url)), limits, clock);
              LOG.info(() -> "Session state is kept in Redis at " + redacted(url));
              return redisStore;
            })
        .orElseGet(
            () -> {
              LOG.info(
                  "No Redis configured (smartsession.redis.url): session state is kept in memory");
              return new InMemorySessionStore(limits, clock);
            });
  }

  /** The URL without its password, for logs. */
  static String redacted(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  @PreDestroy
  void close() {
    if (redisStore != null) {
      redisStore.close();
    }
  }
}
