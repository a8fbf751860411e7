/** Drives the staff console in a headless Chromium for browser tests of the shell and of program panels. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.browser;
