package org.smartsession.engine.events;

import org.smartsession.model.alerts.Alert;

/** A new integrity alert, stored already; the session's teachers are told at once. */
public record AlertRaised(Alert alert) {}
