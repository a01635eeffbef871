package org.smartsession.engine.session;

import org.smartsession.model.protocol.Identifiers;

/**
 * A student as the institution's identity provider names them: the student id (from the configured
 * claim) and the name to show (null when the provider gives none).
 */
public record ProviderIdentity(String studentId, String name) {
  public ProviderIdentity {
    if (!Identifiers.isValid(studentId)) {
      throw new IllegalArgumentException(
          "a student id must be 1 to 64 letters, digits or the characters _ . @ -");
    }
  }
}
