package org.freelanceisland.demo.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record of what the demo island created, on in-memory H2. */
class DemoStoreTest {

    private ResourceLocalJpaTemplate jpa;
    private DemoStore store;

    @BeforeEach
    void open() {
        jpa = ResourceLocalJpaTemplate.h2("demo");
        store = new DemoStore(jpa);
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    @Test
    void recordsAreFoundByKeyCountedAndForgotten() {
        store.add("person:001", "people", "person", "17");
        store.add("person:002", "people", "person", "18");
        store.add("person:001:flag:SIDE_JOB_FREELANCER", "people", "step", null);
        store.add("terakoya:course:2025:0", "terakoya", "course", "3");
        assertEquals("17", store.find("person:001").orElseThrow().ref());
        assertTrue(store.find("person:003").isEmpty());
        assertEquals(Map.of("people/person", 2L, "terakoya/course", 1L), store.counts());
        assertEquals(4, store.total());
        assertThrows(RuntimeException.class, () -> store.add("person:001", "people", "person", "99"), "a key is stored once");
        store.remove("terakoya:course:2025:0");
        assertEquals(2, store.list("people", "person").size());
        assertEquals(3, store.forgetAll());
        assertEquals(0, store.total());
    }
}
