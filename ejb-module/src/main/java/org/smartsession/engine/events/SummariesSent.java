package org.smartsession.engine.events;

/** One tick of the teachers' summary: how many sessions, and how long it took. For the metrics. */
public record SummariesSent(int sessions, long tookNanos) {}
