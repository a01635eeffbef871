package org.smartsession.engine.cluster;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import org.smartsession.engine.events.AlertRaised;
import org.smartsession.engine.events.AlertReviewed;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.engine.events.DataDeleted;
import org.smartsession.engine.events.PaceReported;

/**
 * What one server publishes for the others: the server it comes from and exactly one event. The
 * JSON is the events' own records, so a field added to an event travels without change here.
 */
public record RelayMessage(
    String from,
    AlertRaised alertRaised,
    AlertReviewed alertReviewed,
    CommandIssued command,
    DataDeleted dataDeleted,
    PaceReported pace) {
  private static final Jsonb JSON = JsonbBuilder.create();

  /** The message for one of the relayed events; empty for any other event. */
  static Optional<RelayMessage> of(String from, Object event) {
    if (event instanceof AlertRaised e) {
      return Optional.of(new RelayMessage(from, e, null, null, null, null));
    }
    if (event instanceof AlertReviewed e) {
      return Optional.of(new RelayMessage(from, null, e, null, null, null));
    }
    if (event instanceof CommandIssued e) {
      return Optional.of(new RelayMessage(from, null, null, e, null, null));
    }
    if (event instanceof DataDeleted e) {
      return Optional.of(new RelayMessage(from, null, null, null, e, null));
    }
    if (event instanceof PaceReported e) {
      return Optional.of(new RelayMessage(from, null, null, null, null, e));
    }
    return Optional.empty();
  }

  /** The event carried. */
  Object event() {
    if (alertRaised != null) {
      return alertRaised;
    }
    if (alertReviewed != null) {
      return alertReviewed;
    }
    if (command != null) {
      return command;
    }
    return dataDeleted != null ? dataDeleted : pace;
  }

  String toJson() {
    return JSON.toJson(this);
  }

  /** Empty for a message this version cannot read (another version during a rolling update). */
  static Optional<RelayMessage> fromJson(String json) {
    try {
      RelayMessage message = JSON.fromJson(json, RelayMessage.class);
      return message != null && message.from() != null && message.event() != null
          ? Optional.of(message)
          : Optional.empty();
    } catch (RuntimeException e) { // JsonbException, or a record refusing a value
      return Optional.empty();
    }
  }
}
