/**
 * MicroProfile Metrics of the engine, in Prometheus format at {@code /metrics}: frames, analysis
 * and queue times, summaries, alerts, students. Everything else reports through events, so no other
 * package depends on the metrics API.
 */
package org.smartsession.engine.metrics;
