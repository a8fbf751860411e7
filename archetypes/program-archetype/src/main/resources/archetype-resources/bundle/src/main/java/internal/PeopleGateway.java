package ${package}.internal;

import java.util.Optional;

import org.freelanceisland.platform.api.people.PersonDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Holds the people registry while one is registered, so the program keeps serving while the
 * registry comes and goes: without it, records that name a person are refused with 503.
 */
@Component(service = PeopleGateway.class)
public final class PeopleGateway {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PersonDirectory directory;

    /**
     * The registry.
     *
     * @return the registry, if one is registered
     */
    public Optional<PersonDirectory> directory() {
        return Optional.ofNullable(directory);
    }
}
