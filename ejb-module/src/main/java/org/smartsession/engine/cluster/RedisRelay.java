package org.smartsession.engine.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.smartsession.engine.config.RedisSettings;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.events.PaceReported;
import org.smartsession.engine.store.RedisClients;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Makes the servers that share one Redis act as one towards teachers and students. An alert, a
 * review, a command, a deletion or this server's reduced pace that happens here is published on one
 * Redis channel; what the others publish is fired here as the same event, qualified {@link
 * Relayed}, so that this server's teachers and students get it as if it had happened here. Each
 * alert is still raised and stored once, by the server that analyses the student. Without Redis
 * there is one server and nothing to relay.
 */
@ApplicationScoped
public class RedisRelay {
  static final String CHANNEL = "smartsession:events";
  private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());
  private static final long RETRY_MS = 1_000;

  @Inject RedisSettings settings;
  @Inject @Relayed Event<Object> relayed;
  @Resource ManagedThreadFactory threads;

  /** This server, so that it ignores what it published itself. */
  private final String server = UUID.randomUUID().toString();

  private final Subscription subscription = new Subscription();
  private volatile boolean running;
  private UnifiedJedis publisher;
  private UnifiedJedis subscriber;
  private Thread listener;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.enabled()) {
      publisher = RedisClients.open(settings);
      subscriber = RedisClients.open(settings);
      running = true;
      listener = threads.newThread(this::listen);
      listener.setName("smartsession-relay");
      listener.start();
    }
  }

  void onAlert(@Observes AlertRaised event, EventMetadata metadata) {
    publish(event, metadata);
  }

  void onReview(@Observes AlertReviewed event, EventMetadata metadata) {
    publish(event, metadata);
  }

  void onCommand(@Observes CommandIssued event, EventMetadata metadata) {
    publish(event, metadata);
  }

  void onDeleted(@Observes DataDeleted event, EventMetadata metadata) {
    publish(event, metadata);
  }

  void onPace(@Observes PaceReported event, EventMetadata metadata) {
    publish(event, metadata);
  }

  private void publish(Object event, EventMetadata metadata) {
    if (publisher == null
        || metadata.getQualifiers().stream().anyMatch(q -> q instanceof Relayed)) {
      return;
    }
    RelayMessage.of(server, event)
        .ifPresent(
            message -> {
              try {
                publisher.publish(CHANNEL, message.toJson());
              } catch (RuntimeException e) {
                // This server's own teachers and students had it already; the others miss it.
                LOG.warning(() -> "Could not relay " + event.getClass().getSimpleName() + ": " + e);
              }
            });
  }

  /** Subscribed until the application stops; a lost connection is subscribed again. */
  private void listen() {
    boolean failing = false;
    while (running) {
      try {
        subscriber.subscribe(subscription, CHANNEL); // returns when unsubscribed or disconnected
        failing = false;
      } catch (RuntimeException e) {
        if (running && !failing) {
          LOG.warning(() -> "Not receiving other servers' events from Redis, retrying: " + e);
          failing = true;
        }
      }
      if (running) {
        try {
          Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private final class Subscription extends JedisPubSub {
    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      LOG.info(() -> "Receiving other servers' events on Redis channel " + channel);
    }

    @Override
    public void onMessage(String channel, String json) {
      RelayMessage.fromJson(json)
          .ifPresentOrElse(
              message -> {
                if (!server.equals(message.from())) {
                  deliver(message.event());
                }
              },
              () -> LOG.warning("Ignored an unreadable message on " + channel));
    }
  }

  private void deliver(Object event) {
    try {
      relayed.fire(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not deliver a relayed " + event.getClass().getSimpleName(), e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (subscription.isSubscribed()) {
      subscription.unsubscribe();
    }
    if (listener != null) {
      listener.interrupt();
    }
    if (publisher != null) {
      publisher.close();
      subscriber.close();
    }
  }
}
