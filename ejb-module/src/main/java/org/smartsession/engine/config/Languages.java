package org.smartsession.engine.config;

import java.util.List;
import java.util.Locale;

/**
 * The languages the pages and the server's messages come in, and the one a deployment falls back to
 * ({@code smartsession.locale.default}) when a browser asks for none of them.
 */
public record Languages(Locale fallback) {
  /** In the order the pages offer them. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  public static final Languages DEFAULTS = new Languages(Locale.ENGLISH);

  public Languages {
    if (!SUPPORTED.contains(fallback)) {
      throw new IllegalArgumentException(
          "smartsession.locale.default must be one of "
              + SUPPORTED.stream().map(Locale::getLanguage).toList()
              + ", not "
              + fallback.toLanguageTag());
    }
  }

  /** The supported language of a tag such as {@code de-AT}; the fallback for none or another. */
  public Locale pick(String tag) {
    if (tag == null || tag.isBlank()) {
      return fallback;
    }
    return pick(List.of(Locale.forLanguageTag(tag.strip())));
  }

  /** The first supported language of those a client accepts, most wanted first. */
  public Locale pick(List<Locale> acceptable) {
    for (Locale wanted : acceptable) {
      for (Locale supported : SUPPORTED) {
        if (supported.getLanguage().equals(wanted.getLanguage())) {
          return supported;
        }
      }
    }
    return fallback;
  }
}
