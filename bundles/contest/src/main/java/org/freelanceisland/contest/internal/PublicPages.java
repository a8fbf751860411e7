package org.freelanceisland.contest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The contest's public pages ({@code src/main/resources/public}), served under {@code /contest/}
 * without sign-in while the program is installed: {@code vote.html}, the Audience Award ballot the
 * QR codes of the tickets open ({@code ?contest=<id>&code=<code>}), and {@code results.html}, the
 * published winners. They use only the public API ({@code /api/contest/public/...}).
 */
@Component(service = PublicPages.class)
@HttpWhiteboardResource(pattern = "/contest/*", prefix = "/public")
public final class PublicPages {
}
