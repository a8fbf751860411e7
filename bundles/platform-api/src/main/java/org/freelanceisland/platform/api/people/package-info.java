/**
 * The people of the island as programs see them. The platform keeps every person once (the people
 * registry); programs look people up through {@link org.freelanceisland.platform.api.people.PersonDirectory}
 * and never import the registry. What a program may see depends on the purpose it asks for and
 * on the person's consent to that purpose.
 */
@Version("1.0.0")
@Export
package org.freelanceisland.platform.api.people;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
