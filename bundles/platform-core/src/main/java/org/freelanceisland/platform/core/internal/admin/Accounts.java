package org.freelanceisland.platform.core.internal.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.core.internal.auth.JaasAuthenticator;

/**
 * The staff accounts of the JAAS realm, as administrators manage them: create, change roles,
 * reset the password, disable and enable. Roles are given through the realm's groups
 * ({@code admingroup}, {@code staffgroup}, {@code coordinatorgroup}, {@code jurorgroup}); passwords
 * are hashed by the realm's encryption and never kept or returned here.
 *
 * <p>A disabled account keeps its user but loses its groups and roles: they are parked as marker
 * roles ({@value #PARKED_GROUP}{@code <group>}, {@value #PARKED_ROLE}{@code <role>}) next to
 * {@link JaasAuthenticator#DISABLED_ROLE}, so that no part of Karaf grants it anything (REST, web
 * console, shell) and enabling restores exactly what it had.
 */
public final class Accounts {

    /** Marker prefix of a group parked while the account is disabled. */
    static final String PARKED_GROUP = "account-disabled-group.";
    /** Marker prefix of a role parked while the account is disabled. */
    static final String PARKED_ROLE = "account-disabled-role.";
    /** The shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    /**
     * An account as administrators see it.
     *
     * @param name the user name
     * @param roles the platform roles it has (or would have again when enabled)
     * @param groups the realm groups it belongs to (or would again)
     * @param disabled whether it is disabled
     */
    public record Account(String name, List<String> roles, List<String> groups, boolean disabled) {
    }

    /** The realm's user store. */
    public interface Store {

        /**
         * A fresh view of the store, for reading.
         *
         * @return the store as it is now
         */
        BackingEngine read();

        /**
         * Changes the store: the work's changes are written at once when it returns (readers never
         * see half of them), and not at all when it throws.
         *
         * @param <T> what the work answers
         * @param work the changes
         * @return what the work answered
         */
        <T> T edit(Function<BackingEngine, T> work);
    }

    private final Store store;
    private final Supplier<BackingEngine> engines;
    private final Consumer<String> changed;

    /**
     * Creates the account management.
     *
     * @param store the realm's user store
     * @param changed told the name of every account that changed, to forget its cached logins
     */
    public Accounts(Store store, Consumer<String> changed) {
        this.store = store;
        this.engines = store::read;
        this.changed = changed;
    }

    /**
     * Every account, by name.
     *
     * @return the accounts
     */
    public synchronized List<Account> list() {
        BackingEngine engine = engines.get();
        return engine.listUsers().stream().map(u -> describe(engine, u.getName()))
                .sorted(Comparator.comparing(Account::name)).toList();
    }

    /**
     * One account.
     *
     * @param name the user name
     * @return the account, if it exists
     */
    public synchronized Optional<Account> find(String name) {
        BackingEngine engine = engines.get();
        return exists(engine, name) ? Optional.of(describe(engine, name)) : Optional.empty();
    }

    /**
     * Creates an account.
     *
     * @param name the user name
     * @param password the password
     * @param roles the platform roles, at least one
     * @return the account
     * @throws IllegalArgumentException {@code field: message} when a value is invalid
     * @throws IllegalStateException when the name is taken
     */
    public synchronized Account create(String name, String password, Set<String> roles) {
        checkName(name);
        checkPassword(name, password);
        Set<String> groups = groupsFor(roles);
        Account account = store.edit(engine -> {
            if (exists(engine, name)) {
                throw new IllegalStateException("An account named " + name + " exists already");
            }
            engine.addUser(name, password);
            for (String group : groups) {
                engine.addGroup(name, group);
            }
            return describe(engine, name);
        });
        changed.accept(name);
        return account;
    }

    /**
     * Replaces the platform roles of an account (other realm roles and groups are kept).
     *
     * @param name the user name
     * @param roles the platform roles, at least one
     * @param actor who asks: administrators cannot take the admin role from themselves
     * @return the account
     * @throws IllegalArgumentException for invalid roles
     * @throws RuleException when the change would lock the platform's administration out
     */
    public synchronized Account setRoles(String name, Set<String> roles, String actor) {
        Set<String> wanted = groupsFor(roles);
        Account account = store.edit(engine -> setRoles(engine, name, roles, wanted, actor));
        changed.accept(name);
        return account;
    }

    private Account setRoles(BackingEngine engine, String name, Set<String> roles, Set<String> wanted, String actor) {
        existing(engine, name);
        Account before = describe(engine, name);
        if (before.roles().contains(Roles.ADMIN) && !roles.contains(Roles.ADMIN)) {
            if (name.equals(actor)) {
                throw new RuleException("roles", "administrators cannot take the admin role from themselves");
            }
            requireAnotherAdministrator(engine, name);
        }
        if (before.disabled()) {
            for (String role : engine.listRoles(new UserPrincipal(name)).stream().map(RolePrincipal::getName).toList()) {
                if (role.startsWith(PARKED_GROUP) && isPlatformGroup(role.substring(PARKED_GROUP.length()))
                        || role.startsWith(PARKED_ROLE) && Roles.ALL.contains(role.substring(PARKED_ROLE.length()))) {
                    engine.deleteRole(name, role);
                }
            }
            for (String group : wanted) {
                engine.addRole(name, PARKED_GROUP + group);
            }
        } else {
            for (GroupPrincipal group : engine.listGroups(new UserPrincipal(name))) {
                if (isPlatformGroup(group.getName()) && !wanted.contains(group.getName())) {
                    leaveGroup(engine, name, group.getName());
                }
            }
            for (String role : directRoles(engine, name)) {
                if (Roles.ALL.contains(role)) {
                    engine.deleteRole(name, role);
                }
            }
            Set<String> have = groupNames(engine, name);
            for (String group : wanted) {
                if (!have.contains(group)) {
                    engine.addGroup(name, group);
                }
            }
        }
        return describe(engine, name);
    }

    /**
     * Sets a new password.
     *
     * @param name the user name
     * @param password the new password
     * @throws IllegalArgumentException when the password is too weak
     */
    public synchronized void resetPassword(String name, String password) {
        checkPassword(name, password);
        store.edit(engine -> {
            existing(engine, name);
            engine.addUser(name, password); // on an existing user: replaces the password, keeps the roles
            return null;
        });
        changed.accept(name);
    }

    /**
     * Disables an account: it can no longer sign in anywhere, and keeps what it had for
     * {@link #enable(String)}.
     *
     * @param name the user name
     * @param actor who asks: nobody disables themselves
     * @return the account
     */
    public synchronized Account disable(String name, String actor) {
        Account account = store.edit(engine -> disable(engine, name, actor));
        changed.accept(name);
        return account;
    }

    private Account disable(BackingEngine engine, String name, String actor) {
        existing(engine, name);
        Account before = describe(engine, name);
        if (before.disabled()) {
            return before;
        }
        if (name.equals(actor)) {
            throw new RuleException("name", "administrators cannot disable their own account");
        }
        if (before.roles().contains(Roles.ADMIN)) {
            requireAnotherAdministrator(engine, name);
        }
        List<String> direct = directRoles(engine, name);
        Set<String> groups = groupNames(engine, name);
        engine.addRole(name, JaasAuthenticator.DISABLED_ROLE);
        for (String group : groups) {
            engine.addRole(name, PARKED_GROUP + group);
            leaveGroup(engine, name, group);
        }
        for (String role : direct) {
            engine.addRole(name, PARKED_ROLE + role);
            engine.deleteRole(name, role);
        }
        return describe(engine, name);
    }

    /**
     * Enables a disabled account again with the groups and roles it had.
     *
     * @param name the user name
     * @return the account
     */
    public synchronized Account enable(String name) {
        Account account = store.edit(engine -> enable(engine, name));
        changed.accept(name);
        return account;
    }

    private Account enable(BackingEngine engine, String name) {
        existing(engine, name);
        List<String> roles = engine.listRoles(new UserPrincipal(name)).stream().map(RolePrincipal::getName).toList();
        if (!roles.contains(JaasAuthenticator.DISABLED_ROLE)) {
            return describe(engine, name);
        }
        for (String role : roles) {
            if (role.startsWith(PARKED_GROUP)) {
                engine.addGroup(name, role.substring(PARKED_GROUP.length()));
                engine.deleteRole(name, role);
            } else if (role.startsWith(PARKED_ROLE)) {
                engine.addRole(name, role.substring(PARKED_ROLE.length()));
                engine.deleteRole(name, role);
            }
        }
        engine.deleteRole(name, JaasAuthenticator.DISABLED_ROLE);
        return describe(engine, name);
    }

    /**
     * Checks a password's strength.
     *
     * @param name the user name it is for
     * @param password the password
     * @throws IllegalArgumentException {@code password: message} when it is too weak
     */
    static void checkPassword(String name, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw new IllegalArgumentException("password: must be at most 200 characters");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("password: must not contain control characters");
        }
        if (password.codePoints().distinct().count() < 5) {
            throw new IllegalArgumentException("password: must use at least 5 different characters");
        }
        if (name != null && password.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("password: must not contain the user name");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: 2 to 64 lowercase letters, digits, dots, dashes or underscores, starting with a letter");
        }
    }

    private static Set<String> groupsFor(Set<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: at least one of " + new TreeSet<>(Roles.ALL));
        }
        Set<String> groups = new TreeSet<>();
        for (String role : roles) {
            if (role == null || !Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("roles: unknown role " + role + "; one of " + new TreeSet<>(Roles.ALL));
            }
            groups.add(role + "group");
        }
        return groups;
    }

    private static boolean isPlatformGroup(String group) {
        return group.endsWith("group") && Roles.ALL.contains(group.substring(0, group.length() - "group".length()));
    }

    private void requireAnotherAdministrator(BackingEngine engine, String name) {
        boolean another = engine.listUsers().stream().map(UserPrincipal::getName).filter(n -> !n.equals(name))
                .map(n -> describe(engine, n)).anyMatch(a -> !a.disabled() && a.roles().contains(Roles.ADMIN));
        if (!another) {
            throw new RuleException("roles", "the platform needs at least one enabled administrator");
        }
    }

    private static void existing(BackingEngine engine, String name) {
        if (!exists(engine, name)) {
            throw new UnknownAccountException(name);
        }
    }

    private static boolean exists(BackingEngine engine, String name) {
        return name != null && engine.lookupUser(name) != null;
    }

    /**
     * Takes a user out of a group. Karaf deletes a group's definition with its last member; the
     * definition is written again, so that the group keeps its roles for the next member.
     */
    private static void leaveGroup(BackingEngine engine, String name, String group) {
        List<String> roles = groupRoles(engine, group);
        engine.deleteGroup(name, group);
        if (!isDefined(engine, group)) {
            engine.createGroup(group);
            for (String role : roles) {
                engine.addGroupRole(group, role);
            }
        }
    }

    private static boolean isDefined(BackingEngine engine, String group) {
        return engine.listGroups().keySet().stream().anyMatch(g -> g.getName().equals(group));
    }

    /** The roles a group gives, none when the group is not defined. */
    private static List<String> groupRoles(BackingEngine engine, String group) {
        return isDefined(engine, group)
                ? engine.listRoles(new GroupPrincipal(group)).stream().map(RolePrincipal::getName).toList()
                : List.of();
    }

    private static Set<String> groupNames(BackingEngine engine, String name) {
        Set<String> names = new LinkedHashSet<>();
        engine.listGroups(new UserPrincipal(name)).forEach(g -> names.add(g.getName()));
        return names;
    }

    /** The roles given to the user directly, not through a group. */
    private static List<String> directRoles(BackingEngine engine, String name) {
        Set<String> fromGroups = new LinkedHashSet<>();
        for (String group : groupNames(engine, name)) {
            fromGroups.addAll(groupRoles(engine, group));
        }
        List<String> direct = new ArrayList<>();
        for (RolePrincipal role : engine.listRoles(new UserPrincipal(name))) {
            if (!fromGroups.contains(role.getName()) && !direct.contains(role.getName())) {
                direct.add(role.getName());
            }
        }
        return direct;
    }

    private static Account describe(BackingEngine engine, String name) {
        List<String> roles = engine.listRoles(new UserPrincipal(name)).stream().map(RolePrincipal::getName).toList();
        boolean disabled = roles.contains(JaasAuthenticator.DISABLED_ROLE);
        Set<String> platformRoles = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        if (disabled) {
            for (String role : roles) {
                if (role.startsWith(PARKED_GROUP)) {
                    String group = role.substring(PARKED_GROUP.length());
                    groups.add(group);
                    groupRoles(engine, group).stream().filter(Roles.ALL::contains).forEach(platformRoles::add);
                } else if (role.startsWith(PARKED_ROLE) && Roles.ALL.contains(role.substring(PARKED_ROLE.length()))) {
                    platformRoles.add(role.substring(PARKED_ROLE.length()));
                }
            }
        } else {
            roles.stream().filter(Roles.ALL::contains).forEach(platformRoles::add);
            groups.addAll(groupNames(engine, name));
        }
        return new Account(name, List.copyOf(platformRoles), List.copyOf(groups), disabled);
    }

    /** No account has the name asked for. */
    public static final class UnknownAccountException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownAccountException(String name) {
            super("No account named " + name);
        }
    }

    /** A change that would break a rule of account management. */
    public static final class RuleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        RuleException(String field, String message) {
            super(message);
            this.field = field;
        }

        /**
         * The field the rule concerns.
         *
         * @return the field name
         */
        public String field() {
            return field;
        }
    }
}
