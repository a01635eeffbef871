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

  public void issue(String sessionId, Command command) {
    issued.fire(new CommandIssued(sessionId, command));
  }
}
