package org.smartsession.engine.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void theIdsAreInTheTextAndAsFieldsForJsonLogs() {
    LogRecord r =
        LogLine.record(
            "org.smartsession.events",
            Level.INFO,
            "Alert raised",
            "sessionId",
            "S-1",
            "studentId",
            "42",
            "screenshot",
            true,
            "none",
            null);
    assertEquals("Alert raised sessionId=S-1 studentId=42 screenshot=true", r.getMessage());
    assertEquals(
        Map.of("sessionId", "S-1", "studentId", "42", "screenshot", "true"), r.getParameters()[0]);
    assertEquals("org.smartsession.events", r.getLoggerName());
  }

  @Test
  void aValueCannotForgeALineOrFloodTheLog() {
    LogRecord r = LogLine.record("x", Level.INFO, "Student joined", "studentId", "a\nFAKE b\r");
    assertFalse(r.getMessage().contains("\n"));
    assertFalse(r.getMessage().contains("\r"));
    String long_ = LogLine.oneLine("x".repeat(1000));
    assertTrue(long_.length() <= LogLine.MAX_VALUE_LENGTH + 3, "cut: " + long_.length());
    assertThrows(IllegalArgumentException.class, () -> LogLine.record("x", Level.INFO, "w", "a"));
  }
}
