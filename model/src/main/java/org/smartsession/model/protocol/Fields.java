package org.smartsession.model.protocol;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Checks shared by the message records' constructors. */
final class Fields {
  /** Identifiers travel in URLs and Redis keys: keep them short and plain. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

  private Fields() {}

  static <T> T required(T value, String message, String field) {
    if (value == null) {
      throw invalid(message, field, "is required");
    }
    return value;
  }

  static String identifier(String value, String message, String field) {
    required(value, message, field);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw invalid(
          message,
          field,
          "must be 1 to 64 letters, digits or the characters _ . @ - (starting with a letter or"
              + " digit)");
    }
    return value;
  }

  static String maxLength(String value, String message, String field, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw invalid(message, field, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  static double score(double value, String message, String field) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw invalid(message, field, "must be between 0 and 1");
    }
    return value;
  }

  static Double optionalScore(Double value, String message, String field) {
    return value == null ? null : score(value, message, field);
  }

  static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String message, String field) {
    required(value, message, field);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw invalid(message, field, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  static InvalidMessageException invalid(String message, String field, String problem) {
    return new InvalidMessageException(
        ErrorCode.INVALID_FIELD, message + ": '" + field + "' " + problem);
  }
}
