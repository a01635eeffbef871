package org.smartsession.engine.events;

/**
 * A frame was assessed: how long it waited in the queue after it arrived, how long decoding,
 * analysis and scoring took, and the CPU time its decoding and analysis used. For the metrics.
 */
public record FrameAnalysed(long waitedMs, long tookNanos, long visionCpuNanos) {}
