package org.smartsession.engine.events;

import org.smartsession.model.protocol.SessionUpdate;

/** The periodic summary of a session, for its teachers. */
public record SessionUpdated(String sessionId, SessionUpdate update) {}
