/**
 * Persistence plumbing every program module shares: {@link org.freelanceisland.platform.persistence.Tx}
 * runs units of work on a module's persistence unit with retries on lock timeouts and with database
 * failures turned into problem answers; {@link org.freelanceisland.platform.persistence.RecordRemover}
 * removes a program's records for administrators (the platform's record removal).
 */
@Version("1.0.0")
@Export
package org.freelanceisland.platform.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
