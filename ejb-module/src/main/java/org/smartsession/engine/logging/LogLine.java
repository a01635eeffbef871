package org.smartsession.engine.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line for an operator: what happened, then {@code name=value} for each field, and the
 * fields once more as the record's parameter (a map), which Payara's JSON log format writes as
 * fields of their own. Values are cut to one short line: a log line carries ids, never frame data,
 * tokens or free text a user typed.
 */
public final class LogLine {
  static final int MAX_VALUE_LENGTH = 120;

  private LogLine() {}

  /** {@code fields} are name, value, name, value, ...; a null value is left out. */
  public static void log(Logger logger, Level level, String what, Object... fields) {
    if (logger.isLoggable(level)) {
      LogRecord record = record(logger.getName(), level, what, fields);
      // The caller, not this class, is where the line comes from.
      StackWalker.getInstance()
          .walk(frames -> frames.skip(1).findFirst())
          .ifPresent(
              caller -> {
                record.setSourceClassName(caller.getClassName());
                record.setSourceMethodName(caller.getMethodName());
              });
      logger.log(record);
    }
  }

  static LogRecord record(String loggerName, Level level, String what, Object... fields) {
    if (fields.length % 2 != 0) {
      throw new IllegalArgumentException("fields come in name and value pairs");
    }
    Map<String, String> named = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder(what);
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i + 1] != null) {
        String value = oneLine(String.valueOf(fields[i + 1]));
        named.put(String.valueOf(fields[i]), value);
        text.append(' ').append(fields[i]).append('=').append(value);
      }
    }
    LogRecord record = new LogRecord(level, text.toString());
    record.setLoggerName(loggerName);
    record.setParameters(new Object[] {named});
    return record;
  }

  /** No line breaks or other control characters (a forged line), and short. */
  static String oneLine(String value) {
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= MAX_VALUE_LENGTH
        ? clean
        : clean.substring(0, MAX_VALUE_LENGTH) + "...";
  }
}
