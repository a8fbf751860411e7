package org.freelanceisland.platform.core.internal.auth;

import java.util.Optional;

/** Checks a user name and password. */
public interface Authenticator {

    /**
     * Checks credentials.
     *
     * @param user the user name
     * @param password the password
     * @return the user with their roles, or empty when the credentials are wrong
     */
    Optional<AuthenticatedUser> authenticate(String user, char[] password);
}
