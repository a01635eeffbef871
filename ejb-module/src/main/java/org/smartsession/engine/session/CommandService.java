package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.model.protocol.Command;

/** Passes teachers' commands on to whoever carries them out: the students, and the assessors. */
@ApplicationScoped
public class CommandService {

  @Inject Event<CommandIssued> issued;
  @Inject AuditLog audit;

  /** Carries out a teacher's command and records who gave it. */
  public void issue(String sessionId, Command command, String teacher) {
    audit.record(
        sessionId,
        teacher,
        AuditAction.COMMAND,
        command.kind() + (command.studentId() == null ? " to all" : " to one student"));
    issued.fire(new CommandIssued(sessionId, command));
  }
}
