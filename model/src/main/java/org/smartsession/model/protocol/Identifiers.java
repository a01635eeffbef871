package org.smartsession.model.protocol;

/** The rule for session and student ids, which travel in URLs and store keys. */
public final class Identifiers {
  private Identifiers() {}

  /** 1 to 64 letters, digits or {@code _ . @ -}, starting with a letter or digit. */
  public static boolean isValid(String id) {
    return id != null && Fields.IDENTIFIER.matcher(id).matches();
  }
}
