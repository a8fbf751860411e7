package org.freelanceisland.console.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the console's files ({@code src/main/resources/console/}) under {@code /console/}. Each
 * program serves its own panel under the longer pattern {@code /console/<module-id>/*}, which wins.
 */
@Component(service = ConsoleResources.class)
@HttpWhiteboardResource(pattern = "/console/*", prefix = "/console")
public final class ConsoleResources {
}
