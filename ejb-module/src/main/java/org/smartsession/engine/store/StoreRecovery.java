package org.smartsession.engine.store;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.smartsession.engine.events.StoreChecked;
import org.smartsession.model.session.SessionStore;

/**
 * Every second, lets the Redis store catch up after an outage or a loss of its data, and reports
 * how Redis is doing. Nothing to do when state is kept in memory.
 */
@Singleton
public class StoreRecovery {

  @Inject SessionStore store;
  @Inject SessionStoreProducer producer;
  @Inject Event<StoreChecked> checked;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    store.kind(); // the store is produced on first use: make sure it is
    producer
        .redisStore()
        .ifPresent(
            redis -> {
              redis.recover();
              ResilientRedisStore.Status s = redis.status();
              checked.fire(
                  new StoreChecked(
                      s.reachable(), s.unreachableForMs(), s.sessionsToWrite(), s.errors()));
            });
  }
}
