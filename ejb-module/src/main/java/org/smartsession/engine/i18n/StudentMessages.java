package org.smartsession.engine.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.smartsession.model.scoring.StudentFeedback;

/**
 * What the server says to students, in their language, from the bundles {@code
 * org/smartsession/engine/i18n/messages*.properties} (English is the base bundle, so a text missing
 * in another language is said in English, never as a key).
 */
public final class StudentMessages {
  private static final String BUNDLE = "org.smartsession.engine.i18n.messages";
  // The server's own default locale must not decide which language a student reads.
  private static final ResourceBundle.Control NO_SERVER_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private StudentMessages() {}

  /** The text of {@code key} with {@code arguments} in place of {0}, {1}, .... */
  public static String text(Locale locale, String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE, locale, StudentMessages.class.getClassLoader(), NO_SERVER_LOCALE);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no message " + key, e);
    }
    return new MessageFormat(pattern, locale).format(arguments);
  }

  /** The feedback line after a frame. */
  public static String feedback(Locale locale, StudentFeedback feedback) {
    return text(locale, "feedback." + feedback.name());
  }
}
