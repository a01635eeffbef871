package org.smartsession.engine.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.store.ResilientRedisStore;
import org.smartsession.engine.store.SessionStoreProducer;
import org.smartsession.model.session.SessionStore;

/**
 * Another server deleted data from Redis: this server's copy of the Redis state (kept for outages)
 * lets go of it too, so that it is never written back.
 */
@ApplicationScoped
public class RelayedDeletions {

  @Inject SessionStore store;
  @Inject SessionStoreProducer stores;

  void onDeletedElsewhere(@Observes @Relayed DataDeleted event) {
    store.kind(); // the store is produced on first use: make sure it is
    stores.redisStore().ifPresent(copyHolder -> forget(copyHolder, event));
  }

  private static void forget(ResilientRedisStore copyHolder, DataDeleted event) {
    if (event.wholeSession()) {
      copyHolder.forgetSession(event.sessionId());
    } else {
      copyHolder.forgetStudent(event.sessionId(), event.studentId());
    }
  }
}
