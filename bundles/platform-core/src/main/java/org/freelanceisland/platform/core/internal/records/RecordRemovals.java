package org.freelanceisland.platform.core.internal.records;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.freelanceisland.platform.api.records.RecordRemoval;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link RecordRemoval} services of the programs installed right now, by program id. When two
 * services claim one program, the one registered first answers.
 */
@Component(service = RecordRemovals.class)
public final class RecordRemovals {

    /** What one program removes. */
    public record Removable(String module, List<String> kinds) {
    }

    private final Map<ServiceReference<RecordRemoval>, RecordRemoval> removals = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(ServiceReference<RecordRemoval> reference, RecordRemoval removal) {
        removals.put(reference, removal);
    }

    void remove(ServiceReference<RecordRemoval> reference) {
        removals.remove(reference);
    }

    /**
     * The removal of one program.
     *
     * @param module the program's id
     * @return its removal, if the program is installed and offers one
     */
    public Optional<RecordRemoval> of(String module) {
        return ranked().filter(r -> module.equals(r.module())).findFirst();
    }

    /**
     * Every program's removable kinds, by program id.
     *
     * @return the programs
     */
    public List<Removable> list() {
        Map<String, Removable> byModule = new TreeMap<>();
        ranked().forEach(r -> byModule.putIfAbsent(r.module(),
                new Removable(r.module(), List.copyOf(new TreeSet<>(r.kinds())))));
        return List.copyOf(byModule.values());
    }

    /** The services, the one that would be used first (highest ranking, then oldest) first. */
    private Stream<RecordRemoval> ranked() {
        return removals.entrySet().stream()
                .sorted(Map.Entry.<ServiceReference<RecordRemoval>, RecordRemoval>comparingByKey().reversed())
                .map(Map.Entry::getValue);
    }
}
