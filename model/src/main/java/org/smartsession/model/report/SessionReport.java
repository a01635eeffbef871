package org.smartsession.model.report;

import java.util.List;
import org.smartsession.model.protocol.CriticalAlert;
import org.smartsession.model.session.Attendance;
import org.smartsession.model.session.TeacherNote;

/**
 * A session's report, as the report page shows it and the JSON export writes it: the summary over
 * time, each student's shares of time, every alert (reviewed or not, without screenshots), the
 * teachers' notes, and the attendance (who of the roster came, late or not, who did not), with the
 * minutes after the opening beyond which a first join counted as late. {@code schemaVersion}
 * changes whenever a field changes meaning or goes away; new fields may be added within a version.
 */
public record SessionReport(
    int schemaVersion,
    long generatedAt,
    ReportedSession session,
    List<SummaryStep> summary,
    List<StudentSummary> students,
    List<CriticalAlert> alerts,
    List<TeacherNote> notes,
    List<Attendance> attendance,
    long lateAfterMinutes) {
  public static final int SCHEMA_VERSION = 1;
}
