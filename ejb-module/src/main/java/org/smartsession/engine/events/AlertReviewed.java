package org.smartsession.engine.events;

import org.smartsession.model.protocol.AlertAcknowledged;

/** A teacher acknowledged an alert; every teacher of the session sees it. */
public record AlertReviewed(String sessionId, AlertAcknowledged acknowledgement) {}
