/**
 * The platform's user store (Karaf's JAAS realm {@code karaf}) for bundles that keep accounts of
 * their own, such as the demo island's service account: {@link org.freelanceisland.platform.accounts.UserStore}.
 */
@Version("1.0.0")
@Export
package org.freelanceisland.platform.accounts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
