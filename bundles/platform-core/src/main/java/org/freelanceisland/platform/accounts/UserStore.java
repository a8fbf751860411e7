package org.freelanceisland.platform.accounts;

import java.util.function.Function;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The accounts of the platform's JAAS realm ({@code karaf}, {@code etc/users.properties} by default),
 * the one place where accounts are changed. Changes are written at once: the store's file is never
 * seen half written by a sign-in or by Karaf's password encryption, which rewrites the file it reads
 * (an account created as a user and then given its group, read in between, signs in without its
 * roles; the encryption could save a half and lose the rest). The cached sign-ins of a changed
 * account are forgotten.
 */
@ProviderType
public interface UserStore {

    /**
     * The store as it is now, to read.
     *
     * @return a fresh view of the store
     */
    BackingEngine read();

    /**
     * Changes one account: the work's changes are written at once when it returns, not at all when
     * it throws, and the account's cached sign-ins are forgotten.
     *
     * @param <T> what the work answers
     * @param account the account the work changes
     * @param work the changes, on a store that is written when the work returns
     * @return what the work answered
     * @throws IllegalStateException when the realm or its store is not there
     */
    <T> T edit(String account, Function<BackingEngine, T> work);
}
