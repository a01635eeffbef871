package org.smartsession.engine.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.smartsession.engine.config.Languages;
import org.smartsession.model.scoring.StudentFeedback;

/** What students read, in each language: every text there, none left as a key or in English. */
class StudentMessagesTest {

  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        StudentMessages.class.getResourceAsStream("messages" + suffix + ".properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyEnglishTextHasAGermanOneAndNoOther() throws IOException {
    Properties english = bundle("");
    Properties german = bundle("_de");
    assertEquals(english.keySet(), german.keySet());
    for (Object key : english.keySet()) {
      assertNotEquals(english.get(key), german.get(key), key + " is not translated");
    }
  }

  @Test
  void everyFeedbackHasItsTextInBothLanguages() {
    for (StudentFeedback feedback : StudentFeedback.values()) {
      for (Locale locale : Languages.SUPPORTED) {
        assertFalse(StudentMessages.feedback(locale, feedback).startsWith("feedback."));
      }
    }
    assertEquals(
        "We can't see your face right now. Please sit in view of the camera.",
        StudentMessages.feedback(Locale.ENGLISH, StudentFeedback.NO_FACE));
    assertEquals(
        "Bleiben Sie dran!",
        StudentMessages.feedback(Locale.GERMAN, StudentFeedback.LOW_ENGAGEMENT));
  }

  @Test
  void argumentsAreSetInAndALanguageWithoutBundleReadsEnglish() {
    assertEquals(
        "Diese Sitzung beginnt am 2026-12-03 09:00 UTC.",
        StudentMessages.text(Locale.GERMAN, "join.SESSION_NOT_OPEN", "2026-12-03 09:00 UTC"));
    assertEquals(
        "This session has ended.", StudentMessages.text(Locale.JAPANESE, "join.SESSION_ENDED"));
    assertThrows(
        IllegalArgumentException.class, () -> StudentMessages.text(Locale.ENGLISH, "nope"));
  }

  @Test
  void aBrowsersLanguagesPickTheFirstSupportedOneElseTheDeploymentsDefault() {
    Languages german = new Languages(Locale.GERMAN);
    assertEquals(Locale.GERMAN, german.pick("de-AT"));
    assertEquals(Locale.ENGLISH, german.pick("en-GB"));
    assertEquals(Locale.GERMAN, german.pick("fr"), "the deployment's default");
    assertEquals(Locale.GERMAN, german.pick((String) null));
    assertEquals(
        Locale.ENGLISH, Languages.DEFAULTS.pick(List.of(Locale.FRENCH, Locale.UK, Locale.GERMAN)));
    assertThrows(IllegalArgumentException.class, () -> new Languages(Locale.FRENCH));
  }
}
