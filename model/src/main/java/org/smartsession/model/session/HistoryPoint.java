package org.smartsession.model.session;

/** One entry of a student's history, at a frame's capture time. */
public record HistoryPoint(
    long timestamp, Double confusion, Double engagement, StudentStatus status) {}
