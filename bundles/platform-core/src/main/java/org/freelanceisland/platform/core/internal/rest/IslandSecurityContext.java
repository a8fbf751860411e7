package org.freelanceisland.platform.core.internal.rest;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.core.internal.auth.AuthenticatedUser;

/** The security context of an authenticated request. */
final class IslandSecurityContext implements SecurityContext {

    private final AuthenticatedUser user;
    private final boolean secure;
    private final String scheme;

    IslandSecurityContext(AuthenticatedUser user, boolean secure, String scheme) {
        this.user = user;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        return user.hasRole(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
