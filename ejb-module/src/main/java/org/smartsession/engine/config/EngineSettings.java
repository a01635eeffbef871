package org.smartsession.engine.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The engine's settings, read once from MicroProfile Config. Defaults live in
 * META-INF/microprofile-config.properties; the README lists every key.
 */
@ApplicationScoped
public class EngineSettings {

  @Inject
  @ConfigProperty(name = "smartsession.redis.url")
  Optional<String> redisUrl;

  @Inject
  @ConfigProperty(name = "smartsession.state.ttl-seconds")
  long stateTtlSeconds;

  @Inject
  @ConfigProperty(name = "smartsession.state.history-interval-ms")
  long historyIntervalMs;

  @Inject
  @ConfigProperty(name = "smartsession.state.history-max-points")
  int historyMaxPoints;

  @Inject
  @ConfigProperty(name = "smartsession.ws.max-message-bytes")
  int maxMessageBytes;

  @Inject
  @ConfigProperty(name = "smartsession.frames.workers")
  int frameWorkers;

  @Inject
  @ConfigProperty(name = "smartsession.frames.max-students")
  int maxStudents;

  @Inject
  @ConfigProperty(name = "smartsession.frames.stale-after-ms")
  long staleAfterMs;

  @Inject
  @ConfigProperty(name = "smartsession.frames.max-width")
  int maxFrameWidth;

  @Inject
  @ConfigProperty(name = "smartsession.frames.max-height")
  int maxFrameHeight;

  @Inject
  @ConfigProperty(name = "smartsession.frames.min-width")
  int minFrameWidth;

  @Inject
  @ConfigProperty(name = "smartsession.frames.min-height")
  int minFrameHeight;

  @Inject
  @ConfigProperty(name = "smartsession.student.idle-after-seconds")
  long idleAfterSeconds;

  @Inject
  @ConfigProperty(name = "smartsession.affect-inference.enabled")
  boolean affectInference;

  @Inject
  @ConfigProperty(name = "smartsession.alerts.screenshots.enabled")
  boolean screenshots;

  /** The Redis URL, when one is configured (redis://[user:password@]host:port[/db]). */
  public Optional<String> redisUrl() {
    return redisUrl.map(String::strip).filter(url -> !url.isEmpty());
  }

  public StoreLimits storeLimits() {
    return new StoreLimits(
        Duration.ofSeconds(stateTtlSeconds), historyIntervalMs, historyMaxPoints);
  }

  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  public int frameWorkers() {
    return frameWorkers;
  }

  public int maxStudents() {
    return maxStudents;
  }

  public long staleAfterMs() {
    return staleAfterMs;
  }

  public FrameLimits frameLimits() {
    return new FrameLimits(
        minFrameWidth, minFrameHeight, maxFrameWidth, maxFrameHeight, maxMessageBytes);
  }

  public long idleAfterMs() {
    return idleAfterSeconds * 1000;
  }

  /** False where the institution forbids inferring students' affect (EU AI Act Art. 5(1)(f)). */
  public boolean affectInference() {
    return affectInference;
  }

  public boolean screenshots() {
    return screenshots;
  }
}
