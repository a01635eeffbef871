package org.smartsession.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Adds SmartSession's roles to a teacher signed in through the provider, from the groups its
 * identity store read from the groups claim. It validates nothing itself.
 */
@ApplicationScoped
public class ProviderGroupsToRoles implements IdentityStore {

  @Inject Roles roles;

  @Override
  public Set<String> getCallerGroups(CredentialValidationResult result) {
    return roles.of(result.getCallerGroups());
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.PROVIDE_GROUPS);
  }
}
