/**
 * Removal of a program's records for good, by administrators, through the platform.
 *
 * <p>A program that keeps history its own API refuses to delete (a course with applications, a
 * published contest, a contract) registers a {@link org.freelanceisland.platform.api.records.RecordRemoval}
 * service; the platform offers it to administrators as {@code POST /api/admin/records/remove},
 * audit-logged. The demo island clears its sample data this way.
 */
@Version("1.0.0")
@Export
package org.freelanceisland.platform.api.records;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
