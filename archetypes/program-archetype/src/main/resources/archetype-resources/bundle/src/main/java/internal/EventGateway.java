package ${package}.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Posts the program's events on EventAdmin (topics {@code freelanceisland/${programId}/<EVENT>}) while
 * EventAdmin is there; other programs and the platform may listen, none of them imports this one.
 */
@Component(service = EventGateway.class)
public final class EventGateway {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    /**
     * Posts an event asynchronously; does nothing while there is no EventAdmin.
     *
     * @param event the event
     */
    public void post(Event event) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(event);
        }
    }
}
