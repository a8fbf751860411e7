package org.freelanceisland.platform.core.internal.auth;

import java.security.Principal;
import java.util.Set;

import org.freelanceisland.platform.api.Roles;

/**
 * A user whose credentials were checked, with the roles the realm gives them.
 *
 * @param name the user name
 * @param roles the role names
 */
public record AuthenticatedUser(String name, Set<String> roles) implements Principal {

    /** Copies the roles. */
    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * Whether the user has a role; administrators have every role.
     *
     * @param role a role name
     * @return {@code true} if the user may act in that role
     */
    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains(Roles.ADMIN);
    }
}
