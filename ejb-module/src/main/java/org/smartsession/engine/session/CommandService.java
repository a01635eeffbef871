package org.smartsession.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.smartsession.engine.events.CommandIssued;
import org.smartsession.model.protocol.Command;

/** Passes teachers' commands on to students; recalibration also resets the students' baselines. */
@ApplicationScoped
public class CommandService {

  @Inject StudentRegistry students;
  @Inject Event<CommandIssued> issued;

  public void issue(String sessionId, Command command) {
    if (command.kind() == Command.Kind.RECALIBRATE) {
      students.inSession(sessionId).stream()
          .filter(
              s -> command.studentId() == null || command.studentId().equals(s.key().studentId()))
          .forEach(ConnectedStudent::requestRecalibration);
    }
    issued.fire(new CommandIssued(sessionId, command));
  }
}
