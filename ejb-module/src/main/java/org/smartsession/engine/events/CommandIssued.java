package org.smartsession.engine.events;

import org.smartsession.model.protocol.Command;

/** A teacher's command for one student ({@code command.studentId()}) or all of a session. */
public record CommandIssued(String sessionId, Command command) {}
