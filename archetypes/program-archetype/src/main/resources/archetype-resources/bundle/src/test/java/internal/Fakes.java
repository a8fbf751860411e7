package ${package}.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;

/**
 * Stand-ins for the platform's services in unit tests: a ledger that keeps what is recorded and a
 * people registry that knows who consents. Built as proxies, so that methods the platform adds
 * later need no change here; a call the test did not expect fails loudly.
 */
public final class Fakes {

    private Fakes() {
    }

    /**
     * A ledger that records into a list (a second event with the same id is ignored, as in the
     * real ledger).
     *
     * @param recorded where the events go
     * @return the ledger
     */
    public static ActivityLedger ledger(List<ActivityEvent> recorded) {
        return (ActivityLedger) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] { ActivityLedger.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        ActivityEvent event = (ActivityEvent) args[0];
                        boolean fresh = recorded.stream().noneMatch(e -> e.id().equals(event.id()));
                        if (fresh) {
                            recorded.add(event);
                        }
                        return fresh;
                    }
                    throw new UnsupportedOperationException("ledger." + method.getName() + " in a unit test");
                });
    }

    /**
     * A people registry in which the given people consent to program administration.
     *
     * @param consenting the ids of the people who consent
     * @return the registry
     */
    public static PersonDirectory people(Set<String> consenting) {
        return (PersonDirectory) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] { PersonDirectory.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("hasConsent")) {
                        return consenting.contains((String) args[0]) && args[1] == ConsentPurpose.PROGRAM_ADMINISTRATION;
                    }
                    if (method.getName().equals("find")) {
                        return Optional.empty();
                    }
                    throw new UnsupportedOperationException("people." + method.getName() + " in a unit test");
                });
    }

    /**
     * A list for events recorded from several threads.
     *
     * @return an empty list
     */
    public static List<ActivityEvent> events() {
        return new CopyOnWriteArrayList<>();
    }
}
