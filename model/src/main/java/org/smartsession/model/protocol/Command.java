package org.smartsession.model.protocol;

import static org.smartsession.model.protocol.Fields.enumValue;
import static org.smartsession.model.protocol.Fields.identifier;
import static org.smartsession.model.protocol.Fields.invalid;
import static org.smartsession.model.protocol.Fields.maxLength;

/**
 * Teacher to server to student(s): pause or resume an exam, show a message, or recalibrate. A
 * teacher's command without {@code studentId} goes to every student of the session. {@code
 * END_SESSION} comes from the server alone, to students and teachers, when the session has ended.
 */
public record Command(String command, String studentId, String text) implements Message {
  public static final String TYPE = "COMMAND";
  public static final int MAX_TEXT_LENGTH = 500;

  /** What a student page is asked to do. */
  public enum Kind {
    PAUSE_EXAM,
    RESUME_EXAM,
    MESSAGE,
    RECALIBRATE,
    END_SESSION
  }

  public Command {
    Kind kind = enumValue(Kind.class, command, TYPE, "command");
    if (studentId != null) {
      identifier(studentId, TYPE, "studentId");
    }
    maxLength(text, TYPE, "text", MAX_TEXT_LENGTH);
    if (kind == Kind.MESSAGE && (text == null || text.isBlank())) {
      throw invalid(TYPE, "text", "is required for a MESSAGE command");
    }
  }

  public Kind kind() {
    return Kind.valueOf(command);
  }
}
