package org.smartsession.model.protocol;

/**
 * How deeply a JSON text nests arrays and objects, found without parsing it: the parser would
 * otherwise meet a megabyte of {@code [} with a stack of its own and fail with no reason a client
 * can read. Strings are skipped with {@link String#indexOf(int, int)}, which is vectorised, so a
 * frame's 50 kB of base64 costs microseconds.
 */
final class JsonNesting {
  private JsonNesting() {}

  /** Whether {@code json} nests deeper than {@code max} levels (outside its strings). */
  static boolean deeperThan(String json, int max) {
    int depth = 0;
    int n = json.length();
    for (int i = 0; i < n; i++) {
      switch (json.charAt(i)) {
        case '[', '{' -> {
          if (++depth > max) {
            return true;
          }
        }
        case ']', '}' -> depth--;
        case '"' -> i = endOfString(json, i);
        default -> {}
      }
    }
    return false;
  }

  /** The index of the quote that closes the string opened at {@code open}, or the text's end. */
  private static int endOfString(String json, int open) {
    int i = open;
    while (true) {
      i = json.indexOf('"', i + 1);
      if (i < 0) {
        return json.length();
      }
      int backslashes = 0;
      while (json.charAt(i - 1 - backslashes) == '\\') {
        backslashes++;
      }
      if (backslashes % 2 == 0) {
        return i;
      }
    }
  }
}
