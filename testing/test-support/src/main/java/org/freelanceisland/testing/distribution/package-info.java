/** Runs the built distribution as an administrator does: unpacked, started and stopped with its own scripts. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.distribution;
