package org.smartsession.model.session;

import java.util.Objects;

/**
 * A teacher's note on a student, or on one of the student's alerts ({@code alertId}, else null),
 * written live or afterwards. It is personal data of the student: erasing them erases it.
 */
public record TeacherNote(
    String noteId,
    String sessionId,
    String studentId,
    String alertId,
    String author,
    String text,
    long at) {
  public static final int MAX_LENGTH = 2000;

  public TeacherNote {
    Objects.requireNonNull(noteId, "noteId");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(studentId, "studentId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    if (text.isBlank() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a note has 1 to " + MAX_LENGTH + " characters");
    }
  }
}
