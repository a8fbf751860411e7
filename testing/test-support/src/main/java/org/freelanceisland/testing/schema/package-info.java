/** Checks that a module's migration scripts make the schema its entities describe. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.schema;
