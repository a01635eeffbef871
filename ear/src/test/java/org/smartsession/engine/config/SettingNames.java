package org.smartsession.engine.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * The name of every setting the application reads, asked of {@link ConfiguredSettings} itself (the
 * one place settings are read, through MicroProfile Config), so that the deployment files' tests
 * can tell a real setting from a misspelt one.
 */
public final class SettingNames {
  private SettingNames() {}

  public static Set<String> all() {
    Set<String> asked = new TreeSet<>();
    new ConfiguredSettings()
        .read(
            name -> {
              asked.add(name);
              return null;
            });
    return asked;
  }
}
