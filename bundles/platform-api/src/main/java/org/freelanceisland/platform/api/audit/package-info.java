/**
 * The audit log of access to personal data and of administrative acts: who did what to whose
 * record, when and for what purpose. Entries can be written but never changed or deleted.
 */
@Version("1.0.0")
@Export
package org.freelanceisland.platform.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
