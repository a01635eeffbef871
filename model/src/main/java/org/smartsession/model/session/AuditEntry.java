package org.smartsession.model.session;

import java.util.Objects;

/**
 * One teacher action on a session, kept with it: who ({@code teacher}, their login name), when
 * (server time), what ({@code action}, e.g. {@code ALERT_REVIEWED}) and on what ({@code detail}: an
 * alert id, a command, a co-teacher's login), never the personal data of a student.
 */
public record AuditEntry(long at, String teacher, String action, String detail) {
  public AuditEntry {
    Objects.requireNonNull(teacher, "teacher");
    Objects.requireNonNull(action, "action");
    detail = detail == null ? "" : detail;
  }
}
