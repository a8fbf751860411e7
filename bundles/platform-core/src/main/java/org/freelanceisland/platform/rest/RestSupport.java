package org.freelanceisland.platform.rest;

import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates the Jersey application of a module with everything the platform shares: Jackson JSON
 * (ISO-8601 dates, unknown fields refused), problem+json errors for every failure, validation of
 * request bodies, authentication and role checks, request size limits and security headers.
 */
@ProviderType
public interface RestSupport {

    /**
     * A new Jersey application for one module, ready for the module's resources to be
     * registered.
     *
     * @param moduleId the module's id, used in logs and the application name
     * @return a new resource configuration
     */
    ResourceConfig application(String moduleId);
}
