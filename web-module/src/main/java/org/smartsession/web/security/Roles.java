package org.smartsession.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.smartsession.engine.config.SignInSettings;

/**
 * SmartSession's two roles (and the mere fact of having signed in), and how the provider's groups
 * map to them: members of the configured teacher groups are teachers, members of the admin groups
 * admins (who are teachers too).
 */
@ApplicationScoped
public class Roles {
  public static final String TEACHER = "teacher";
  public static final String ADMIN = "admin";

  /**
   * Whoever signed in at the provider, students included: what {@code /auth/student-sign-in} asks
   * for (Payara does not grant the Servlet spec's {@code **} to a caller without roles).
   */
  public static final String SIGNED_IN = "signed-in";

  @Inject SignInSettings settings;

  /** The roles the groups give. */
  public Set<String> of(Collection<String> groups) {
    Set<String> roles = new HashSet<>();
    for (String group : groups) {
      if (settings.adminGroups().contains(group)) {
        roles.add(ADMIN);
        roles.add(TEACHER);
      }
      if (settings.teacherGroups().contains(group)) {
        roles.add(TEACHER);
      }
    }
    return roles;
  }
}
