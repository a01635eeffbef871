package org.smartsession.engine.config;

import java.util.Optional;

/** The Redis that holds shared state, {@code redis://[user:password@]host:port[/db]}; or none. */
public record RedisSettings(Optional<String> url) {
  public static final RedisSettings DEFAULTS = new RedisSettings(Optional.empty());

  public RedisSettings {
    url = url.map(String::strip).filter(u -> !u.isEmpty());
  }
}
