/**
 * Unit tests of a module's REST API without Karaf: {@link org.freelanceisland.testing.rest.RestHarness}.
 */
package org.freelanceisland.testing.rest;
