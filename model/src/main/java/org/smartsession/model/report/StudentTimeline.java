package org.smartsession.model.report;

import java.util.List;
import org.smartsession.model.protocol.CriticalAlert;
import org.smartsession.model.session.HistoryPoint;
import org.smartsession.model.session.TeacherNote;

/**
 * One student's review: their summary, their status and scores over time, their alerts with
 * screenshots and acknowledgements, and the teachers' notes on them or their alerts.
 */
public record StudentTimeline(
    String sessionId,
    StudentSummary student,
    List<HistoryPoint> history,
    List<CriticalAlert> alerts,
    List<TeacherNote> notes) {}
