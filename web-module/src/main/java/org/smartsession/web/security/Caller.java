package org.smartsession.web.security;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Who a signed-in teacher is, as the sign-in gave it: login name, the name to show, the e-mail, and
 * SmartSession's roles. Kept in the HTTP session for the development sign-in, per request for a
 * bearer token.
 */
public record Caller(String login, String displayName, String email, Set<String> roles)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String ATTRIBUTE = "smartsession.caller";

  public Caller {
    Objects.requireNonNull(login, "login");
    roles = Set.copyOf(roles);
  }
}
