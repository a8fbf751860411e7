/** Checks of a console panel's files (manifest, messages, modules) in a module's unit tests. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.console;
