/**
 * The activity ledger: the one place where programs record the facts that the plan's indicators
 * count, such as a course completed, a job contracted or a person who moved to the island.
 *
 * <p>Each new fact is also announced on EventAdmin under {@link
 * org.freelanceisland.platform.api.ledger.ActivityLedger#TOPIC_RECORDED}.
 */
@Version("1.2.0")
@Export
package org.freelanceisland.platform.api.ledger;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
