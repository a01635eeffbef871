package org.smartsession.model.session;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in teacher: the login name the identity provider gives (the principal), the name to
 * show, the e-mail claim when there is one, and whether they are an admin, who sees every session.
 */
public record Teacher(String login, String displayName, String email, boolean admin) {
  public Teacher {
    Objects.requireNonNull(login, "login");
    displayName = displayName == null || displayName.isBlank() ? login : displayName;
    email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** How a co-teacher is recorded: e-mails in lower case, login names as they are. */
  public static String normalised(String loginOrEmail) {
    String s = loginOrEmail.strip();
    return s.contains("@") ? s.toLowerCase(Locale.ROOT) : s;
  }

  public boolean owns(SessionInfo session) {
    return login.equals(session.owner());
  }

  /**
   * Whether this teacher may watch and act on the session: its owner, a co-teacher named by login
   * or e-mail among {@code teachers}, or an admin.
   */
  public boolean mayAccess(SessionInfo session, Set<String> teachers) {
    return admin
        || owns(session)
        || teachers.contains(login)
        || (email != null && teachers.contains(email));
  }
}
