package org.smartsession.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' message catalogues (webapp/i18n): every language has every key of English with the
 * same {placeholders}, and every key the pages use, in their markup or as a literal key in their
 * scripts, is in an English catalogue, where its text is the English the markup shows before a
 * catalogue loads.
 */
class CataloguesTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Path I18N = WEBAPP.resolve("i18n");
  private static final List<String> LANGUAGES = List.of("en", "de");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Pattern MARKED_TEXT =
      Pattern.compile("<(\\w+)[^>]*?\\sdata-i18n=\"([^\"]+)\"[^>]*>([^<]*)</\\1>");
  private static final Pattern MARKED = Pattern.compile("\\sdata-i18n=\"([^\"]+)\"");
  private static final Pattern MARKED_ATTRIBUTES =
      Pattern.compile("\\sdata-i18n-attr=\"([^\"]+)\"");
  private static final Pattern SCRIPT_KEY =
      Pattern.compile("(?:\\bt\\(|setTranslated\\([^,()]+,)\\s*'([A-Za-z][\\w.-]*)'");

  /** Each area's catalogue directory: i18n itself (the shared one) and i18n/<area>. */
  private static List<Path> areas() throws IOException {
    List<Path> areas = new ArrayList<>(List.of(I18N));
    try (Stream<Path> children = Files.list(I18N)) {
      children.filter(Files::isDirectory).sorted().forEach(areas::add);
    }
    return areas;
  }

  private static Map<String, String> catalogue(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        JsonReader reader = Json.createReader(in)) {
      JsonObject object = reader.readObject();
      Map<String, String> texts = new TreeMap<>();
      for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
        assertTrue(
            entry.getValue() instanceof JsonString,
            file + ": " + entry.getKey() + " is not a string");
        String text = ((JsonString) entry.getValue()).getString();
        assertFalse(text.isBlank(), file + ": " + entry.getKey() + " is blank");
        texts.put(entry.getKey(), text);
      }
      return texts;
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Map<String, String> allEnglish() throws IOException {
    Map<String, String> english = new TreeMap<>();
    for (Path area : areas()) {
      for (Map.Entry<String, String> entry : catalogue(area.resolve("en.json")).entrySet()) {
        String before = english.put(entry.getKey(), entry.getValue());
        assertEquals(null, before, entry.getKey() + " is in two areas' catalogues");
      }
    }
    return english;
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> all = Files.walk(WEBAPP)) {
      return all.filter(path -> path.toString().endsWith(suffix))
          .filter(path -> !path.startsWith(WEBAPP.resolve("vendor")))
          .sorted()
          .toList();
    }
  }

  private static String normalized(String html) {
    return html.replaceAll("\\s+", " ")
        .strip()
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u00a0")
        .replace("&amp;", "&");
  }

  @Test
  void everyLanguageHasEnglishKeysWithTheSamePlaceholders() throws IOException {
    for (Path area : areas()) {
      Map<String, String> english = catalogue(area.resolve("en.json"));
      assertFalse(english.isEmpty(), area + "/en.json is empty");
      for (String language : LANGUAGES) {
        Map<String, String> translated = catalogue(area.resolve(language + ".json"));
        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(translated.keySet());
        Set<String> extra = new TreeSet<>(translated.keySet());
        extra.removeAll(english.keySet());
        assertEquals(Set.of(), missing, area + "/" + language + ".json lacks English keys");
        assertEquals(Set.of(), extra, area + "/" + language + ".json has keys English lacks");
        for (Map.Entry<String, String> entry : english.entrySet()) {
          assertEquals(
              placeholders(entry.getValue()),
              placeholders(translated.get(entry.getKey())),
              area + "/" + language + ".json " + entry.getKey() + " placeholders");
        }
      }
    }
  }

  @Test
  void everyKeyInTheMarkupIsInACatalogueWithTheMarkupsEnglish() throws IOException {
    Map<String, String> english = allEnglish();
    for (Path page : files(".html")) {
      String html = Files.readString(page);
      Matcher marked = MARKED.matcher(html);
      while (marked.find()) {
        assertTrue(
            english.containsKey(marked.group(1)), page + ": no English for " + marked.group(1));
      }
      Matcher text = MARKED_TEXT.matcher(html);
      while (text.find()) {
        String shown = normalized(text.group(3));
        if (!shown.isEmpty()) {
          assertEquals(
              english.get(text.group(2)), shown, page + ": " + text.group(2) + " reads otherwise");
        }
      }
      Matcher attributes = MARKED_ATTRIBUTES.matcher(html);
      while (attributes.find()) {
        for (String pair : attributes.group(1).split(";")) {
          String key = pair.substring(pair.indexOf(':') + 1).strip();
          assertTrue(english.containsKey(key), page + ": no English for attribute key " + key);
        }
      }
    }
  }

  @Test
  void everyLiteralKeyInTheScriptsIsInACatalogue() throws IOException {
    Map<String, String> english = allEnglish();
    int keys = 0;
    for (Path script : files(".js")) {
      Matcher used = SCRIPT_KEY.matcher(Files.readString(script));
      while (used.find()) {
        keys++;
        assertTrue(
            english.containsKey(used.group(1)), script + ": no English for " + used.group(1));
      }
    }
    assertTrue(keys > 0, "the scan found no keys: its pattern no longer matches the scripts");
  }
}
