package org.smartsession.engine.events;

import org.smartsession.model.alerts.Alert;

/**
 * A new integrity alert, or its condition raised again while it is open ({@code count} above 1);
 * stored already; the session's teachers are told at once.
 */
public record AlertRaised(Alert alert) {}
