/** A throw-away PostgreSQL cluster for tests. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.postgres;
