package org.smartsession.engine.alerts;

import jakarta.enterprise.event.Event;
import java.time.Clock;
import org.smartsession.engine.config.AlertSettings;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.session.AuditLog;
import org.smartsession.model.session.SessionStore;

/** A real alert service wired by hand, for tests of the services that raise alerts. */
public final class AlertServices {
  private AlertServices() {}

  public static AlertService wired(
      SessionStore store,
      AlertSettings settings,
      Event<AlertRaised> raised,
      Event<AlertReviewed> reviewed,
      Clock clock) {
    AlertService service = new AlertService();
    service.store = store;
    service.settings = settings;
    service.raised = raised;
    service.reviewed = reviewed;
    service.clock = clock;
    service.audit = new AuditLog(store, clock);
    return service;
  }
}
