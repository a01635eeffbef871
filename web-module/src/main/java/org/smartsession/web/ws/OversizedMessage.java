package org.smartsession.web.ws;

/** A message over the size limit, found where its text arrives; its connection closes with 1009. */
final class OversizedMessage extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OversizedMessage(int maxBytes) {
    super("a message may have at most " + maxBytes + " bytes", null, false, false);
  }

  /**
   * Whether {@code text} takes more than {@code maxBytes} bytes in UTF-8, counted without copying.
   */
  static boolean exceeds(String text, int maxBytes) {
    int length = text.length();
    if (length > maxBytes) {
      return true;
    }
    if ((long) length * 3 <= maxBytes) {
      return false;
    }
    long bytes = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
      if (bytes > maxBytes) {
        return true;
      }
    }
    return false;
  }
}
