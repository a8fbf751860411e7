/**
 * The platform API of Freelance Island: what every program module implements or uses.
 *
 * <p>A program registers a {@link org.freelanceisland.platform.api.ProgramModule} service; it records
 * the facts that key performance indicators count in the
 * {@link org.freelanceisland.platform.api.ledger.ActivityLedger}. Programs never import one another:
 * they meet only through the services and types of this API, the ledger and EventAdmin topics.
 */
@Version("1.0.0")
@Export
package org.freelanceisland.platform.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
