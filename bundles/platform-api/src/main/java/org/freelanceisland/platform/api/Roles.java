package org.freelanceisland.platform.api;

import java.util.Set;

/**
 * The role names of the platform, as they appear in Karaf's JAAS realm. {@link #ADMIN} implies
 * every other role.
 */
public final class Roles {

    /** Administrators: install and retire programs, manage accounts; may do everything. */
    public static final String ADMIN = "admin";
    /** Programme staff of the city and the operator: the daily users of the console. */
    public static final String STAFF = "staff";
    /** Coordinators who broker jobs between partners and freelancers. */
    public static final String COORDINATOR = "coordinator";
    /** Jurors of the handmade contest. */
    public static final String JUROR = "juror";

    /** All roles the platform knows. */
    public static final Set<String> ALL = Set.of(ADMIN, STAFF, COORDINATOR, JUROR);

    private Roles() {
    }
}
