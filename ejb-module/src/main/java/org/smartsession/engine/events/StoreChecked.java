package org.smartsession.engine.events;

/**
 * Each second's check of the shared store (Redis): whether it answers, for how long it has not, how
 * many sessions wait to be written to it, and its failed calls since the start. For metrics.
 */
public record StoreChecked(
    boolean reachable, long unreachableForMs, int sessionsToWrite, long errors) {}
