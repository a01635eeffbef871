package org.smartsession.model.session;

import java.util.Objects;

/** One student a session expects: their student id and name, as the institution lists them. */
public record RosterEntry(String studentId, String name) {
  public RosterEntry {
    Objects.requireNonNull(studentId, "studentId");
    name = name == null || name.isBlank() ? studentId : name.strip();
  }
}
