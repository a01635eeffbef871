package org.smartsession.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table names every setting the server reads, with the defaults the
 * settings records state, so that the one place defaults live and the documentation agree.
 */
class ConfigurationTableTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| (`smartsession\\.[^|]*) \\| ([^|]*) \\|");
  private static final Pattern NAME = Pattern.compile("`([a-z.-]+)`");

  /** Setting name → default text, as the README's table gives them (null: no default). */
  private static Map<String, String> readmeTable() throws IOException {
    Map<String, String> table = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
      Matcher row = ROW.matcher(line);
      if (!row.find() || row.group(1).contains("scoring.*")) {
        continue;
      }
      List<String> names = NAME.matcher(row.group(1)).results().map(m -> m.group(1)).toList();
      String[] defaults = row.group(2).split(",");
      String first = names.get(0);
      String prefix = first.substring(0, first.lastIndexOf('.') + 1);
      for (int i = 0; i < names.size(); i++) {
        String name =
            names.get(i).startsWith("smartsession.") ? names.get(i) : prefix + names.get(i);
        String value = defaults[Math.min(i, defaults.length - 1)].strip();
        table.put(name, value.startsWith("(none") ? null : value);
      }
    }
    return table;
  }

  private static List<Object> settings(Map<String, String> values, Set<String> asked) {
    ConfiguredSettings settings = new ConfiguredSettings();
    settings.read(
        name -> {
          asked.add(name);
          return values.get(name);
        });
    return List.of(
        settings.frameLimits(),
        settings.frameQueue(),
        settings.storeLimits(),
        settings.redis(),
        settings.vision(),
        settings.alerts(),
        settings.summary(),
        settings.messages(),
        settings.analyze(),
        settings.studentTokens(),
        settings.scoring(),
        settings.signIn(),
        settings.publicUrl(),
        settings.sessionLimits(),
        settings.joinLimits(),
        settings.allowedOrigins(),
        settings.framePace());
  }

  @Test
  void everySettingReadIsInTheTableAndNothingElse() throws IOException {
    Set<String> asked = new TreeSet<>();
    settings(Map.of(), asked);
    asked.removeIf(name -> name.startsWith("smartsession.scoring."));
    assertEquals(asked, new TreeSet<>(readmeTable().keySet()));
  }

  @Test
  void theTablesDefaultsAreTheDefaults() throws IOException {
    Map<String, String> table = readmeTable();
    assertTrue(table.size() > 15, "the table was found: " + table.keySet());
    assertEquals(settings(Map.of(), new TreeSet<>()), settings(table, new TreeSet<>()));
  }

  @Test
  void aStudentTokenKeyIsReadAndAShortOneRefusedWithoutRepeatingIt() {
    String key = Base64.getEncoder().encodeToString(new byte[32]);
    ConfiguredSettings settings = new ConfiguredSettings();
    settings.read(
        Map.of(
                "smartsession.auth.student-token-key",
                key,
                "smartsession.auth.student-token-hours",
                "2")
            ::get);
    assertEquals(32, settings.studentTokens().keyBytes().orElseThrow().length);
    assertEquals(2, settings.studentTokens().lifetimeHours());
    assertFalse(settings.studentTokens().toString().contains(key));

    String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
    for (String bad : List.of(shortKey, "not base64 at all!")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> settings(Map.of("smartsession.auth.student-token-key", bad), new TreeSet<>()));
      assertTrue(e.getMessage().contains("smartsession.auth.student-token-key"), e.getMessage());
      assertFalse(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void anUnreadableValueNamesItsSetting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> settings(Map.of("smartsession.frames.workers", "two"), new TreeSet<>()));
    assertTrue(e.getMessage().contains("smartsession.frames.workers"), e.getMessage());
  }

  @Test
  void aClockToleranceThatWouldLetClientsRestartTheTimingIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                settings(
                    Map.of(
                        "smartsession.frames.clock-tolerance-ms", "90000",
                        "smartsession.scoring.clock-reset-ms", "60000"),
                    new TreeSet<>()));
    assertTrue(e.getMessage().contains("smartsession.frames.clock-tolerance-ms"), e.getMessage());
  }

  @Test
  void listsAndAddressesAreRead() {
    ConfiguredSettings settings = new ConfiguredSettings();
    Map<String, String> values =
        Map.of(
            "smartsession.ws.allowed-origins",
                " https://LMS.example.edu , http://localhost:8080/ ,",
            "smartsession.public-base-url", "https://smartsession.example.edu");
    settings.read(values::get);
    assertEquals(
        Set.of("https://lms.example.edu", "http://localhost:8080"),
        settings.allowedOrigins().origins());
    assertEquals(
        "https://smartsession.example.edu/", settings.publicUrl().base().orElseThrow().toString());
  }
}
