/** Unit-test support for persistence units outside OSGi. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.jpa;
