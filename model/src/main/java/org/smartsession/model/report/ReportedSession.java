package org.smartsession.model.report;

import java.util.List;

/**
 * The session a report is about: its kind (CLASS or EXAM), phase (SCHEDULED, OPEN or ENDED), owner
 * and teachers, and its times in epoch ms ({@code opensAt} and {@code endedAt} null when unset).
 */
public record ReportedSession(
    String sessionId,
    String name,
    String kind,
    String phase,
    String owner,
    List<String> teachers,
    long createdAt,
    Long opensAt,
    Long endedAt) {}
