package org.smartsession.model.alerts;

import java.util.Objects;
import org.smartsession.model.protocol.AlertAcknowledged.Action;

/** A teacher's decision about an alert. */
public record Acknowledgement(Action action, String by, long at) {
  public Acknowledgement {
    Objects.requireNonNull(action, "action");
  }
}
