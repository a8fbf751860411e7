/** A small HTTP client for tests of the REST API. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.freelanceisland.testing.http;
