/**
 * The REST plumbing every program reuses: one Jersey application per module, configured by
 * {@link org.freelanceisland.platform.rest.RestSupport} with JSON, problem+json errors, bean
 * validation of request bodies and HTTP Basic authentication against Karaf's JAAS realm.
 *
 * <p>A program serves its API under {@code /api/<id>/} with a DS component such as:
 *
 * <pre>{@code
 * @Component(service = Servlet.class)
 * @HttpWhiteboardServletPattern("/api/terakoya/*")
 * @HttpWhiteboardServletName("terakoya-api")
 * public class TerakoyaApi extends ModuleServlet {
 *     @Activate
 *     public TerakoyaApi(@Reference RestSupport rest, @Reference CourseService courses) {
 *         super(rest.application("terakoya").register(new CourseResource(courses)));
 *     }
 * }
 * }</pre>
 *
 * Resource methods state who may call them with {@code @RolesAllowed} or {@code @PermitAll};
 * a method with neither is open to administrators only. Every module servlet's resources appear in the
 * OpenAPI document at {@code /api/openapi.json} while the servlet is registered.
 */
@Version("1.4.0")
@Export
package org.freelanceisland.platform.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
