/** The Pax Exam base class that boots the built distribution. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.freelanceisland.testing.karaf;
