package org.smartsession.engine.config;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed reads of named settings with their defaults. A value that is set but unreadable fails with
 * the setting's name, so a deployer sees at start which one to fix.
 */
final class SettingsLookup {
  private final Function<String, String> lookup;

  /** {@code lookup} returns a setting's text, or null when it is not set. */
  SettingsLookup(Function<String, String> lookup) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
  }

  String text(String name, String otherwise) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? otherwise : value.strip();
  }

  int integer(String name, int otherwise) {
    String value = text(name, null);
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  long longInteger(String name, long otherwise) {
    String value = text(name, null);
    try {
      return value == null ? otherwise : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
  }

  boolean bool(String name, boolean otherwise) {
    String value = text(name, null);
    if (value == null) {
      return otherwise;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
  }

  /** A comma-separated list; blank entries are dropped. */
  Set<String> list(String name, Set<String> otherwise) {
    String value = text(name, null);
    if (value == null) {
      return otherwise;
    }
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  Function<String, String> asFunction() {
    return lookup;
  }
}
