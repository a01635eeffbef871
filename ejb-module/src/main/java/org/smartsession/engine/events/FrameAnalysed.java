package org.smartsession.engine.events;

/**
 * A frame was assessed: how long it waited in the queue after it arrived, and how long decoding,
 * analysis and scoring took. For the metrics.
 */
public record FrameAnalysed(long waitedMs, long tookNanos) {}
