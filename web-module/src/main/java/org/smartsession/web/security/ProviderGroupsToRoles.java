package org.smartsession.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Adds SmartSession's roles to whoever signed in through the provider, from the groups its identity
 * store read from the groups claim, and {@link Roles#SIGNED_IN} to everyone. It validates nothing
 * itself.
 */
@ApplicationScoped
public class ProviderGroupsToRoles implements IdentityStore {

  @Inject Roles roles;

  @Override
  public Set<String> getCallerGroups(CredentialValidationResult result) {
    Set<String> granted = new HashSet<>(roles.of(result.getCallerGroups()));
    granted.add(Roles.SIGNED_IN);
    return granted;
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.PROVIDE_GROUPS);
  }
}
