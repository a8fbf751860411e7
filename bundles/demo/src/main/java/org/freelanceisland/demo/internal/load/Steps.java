package org.freelanceisland.demo.internal.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.store.DemoRecord;
import org.freelanceisland.demo.internal.store.DemoStore;

/**
 * What every part of the load shares: the client, the record of what was created (so that nothing
 * is created twice and clear finds everything), the seed, the day and the people with their ids.
 */
public final class Steps {

    final IslandClient api;
    final DemoStore store;
    final long seed;
    final LocalDate today;
    final List<People.Person> people;
    final Map<String, String> ids = new LinkedHashMap<>();
    final Consumer<String> progress;
    /** Creates (or renews) a juror account and answers its password. */
    final java.util.function.Function<String, String> newJuror;
    int created;
    int calls;

    Steps(IslandClient api, DemoStore store, long seed, LocalDate today, List<People.Person> people, Consumer<String> progress,
            java.util.function.Function<String, String> newJuror) {
        this.newJuror = newJuror;
        this.api = api;
        this.store = store;
        this.seed = seed;
        this.today = today;
        this.people = people;
        this.progress = progress;
    }

    /**
     * A random source of its own for each part, so that one part's draws never shift another's.
     *
     * @param part the part's name
     * @return the source
     */
    Random random(String part) {
        return new Random(seed * 31 + part.hashCode());
    }

    /**
     * The id of something created under a key, creating it when the key was never loaded.
     *
     * @param key stable key
     * @param module the module that holds it
     * @param kind what it is
     * @param create creates it and answers its id
     * @return the id
     */
    String ensure(String key, String module, String kind, Supplier<String> create) {
        Optional<DemoRecord> have = store.find(key);
        if (have.isPresent()) {
            return have.get().ref();
        }
        String id = create.get();
        store.add(key, module, kind, id);
        created++;
        return id;
    }

    /**
     * Runs a step once (an acceptance, a roll call): skipped when its key was loaded.
     *
     * @param key stable key
     * @param module the module it concerns
     * @param work the step
     */
    void once(String key, String module, Runnable work) {
        if (store.find(key).isPresent()) {
            return;
        }
        work.run();
        store.add(key, module, "step", null);
    }

    /**
     * Whether a key was loaded.
     *
     * @param key the key
     * @return {@code true} if so
     */
    boolean done(String key) {
        return store.find(key).isPresent();
    }

    /**
     * The registry id of a demo person.
     *
     * @param person the person
     * @return the id
     */
    String id(People.Person person) {
        String id = ids.get(person.key());
        if (id == null) {
            throw new IllegalStateException(person.key() + " is not registered");
        }
        return id;
    }

    /**
     * People matching a condition, in a stable order.
     *
     * @param filter the condition
     * @return the people
     */
    List<People.Person> select(java.util.function.Predicate<People.Person> filter) {
        List<People.Person> out = new ArrayList<>();
        for (People.Person p : people) {
            if (filter.test(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Picks up to {@code n} different people from a list.
     *
     * @param random the source
     * @param from the list
     * @param n how many
     * @return the people
     */
    static <T> List<T> pick(Random random, List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    void say(String message) {
        progress.accept(message);
    }
}
