package org.freelanceisland.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.ZoneOffset;

import org.freelanceisland.people.internal.index.SearchCriteria;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.store.PeopleStore;
import org.freelanceisland.platform.api.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database: each keeps its own search index, and a refresh brings in what the
 * other node changed (DESIGN.md "Beyond one machine").
 */
class IndexRefreshTest {

    private final People nodeA = new People();
    private final PeopleService nodeB = new PeopleService(new PeopleStore(nodeA.jpa, Clock.fixed(People.NOW, ZoneOffset.UTC)),
            nodeA.ledger, false);

    @AfterEach
    void close() {
        nodeA.close();
    }

    private static long found(PeopleService node, String text) {
        return node.search(new SearchCriteria(text, null, null, null, null, null, null, null, null, null, null,
                SearchCriteria.Status.ACTIVE), new PageRequest(0, 10)).total();
    }

    @Test
    void aPersonRegisteredOnOneNodeIsFoundOnTheOtherAfterItsRefresh() {
        Person p = nodeA.service.create(People.person("奄美 花子", "アマミ ハナコ", "writing"), "staff1");
        assertEquals(1, found(nodeA.service, "アマミ"));
        assertEquals(0, found(nodeB, "アマミ"), "node B has not looked yet");

        assertEquals(1, nodeB.refreshIndex());
        assertEquals(1, found(nodeB, "アマミ"));

        nodeA.service.setActive(p.id(), false, "staff1");
        nodeB.refreshIndex();
        assertEquals(0, found(nodeB, "アマミ"), "the deactivation reached node B too");

        nodeB.update(p.id(), People.person("奄美 花子", "ヤマト ハナコ", "writing"), "staff2");
        nodeB.setActive(p.id(), true, "staff2");
        nodeA.service.refreshIndex();
        assertEquals(1, found(nodeA.service, "ヤマト"), "and back from B to A");
        assertEquals(0, found(nodeA.service, "アマミ"));
    }

    @Test
    void otherProgramsFindAPersonRegisteredOnAnotherNodeBeforeTheRefresh() {
        Person p = nodeA.service.create(People.person("名瀬 太郎", "ナゼ タロウ", "writing"), "staff1");
        String id = Long.toString(p.id());
        assertEquals(0, found(nodeB, "ナゼ"), "node B's search has not looked yet");
        assertEquals("名瀬 太郎", nodeB.find(id).orElseThrow().name(), "the directory asks the database on a miss");
        assertEquals(1, nodeB.findAll(java.util.List.of(id, "999999")).size());
        assertEquals(1, found(nodeB, "ナゼ"), "and keeps what it read in its index");
    }

    @Test
    void aRefreshThatReadARowJustBeforeAChangeNeverUndoesIt() {
        Person before = nodeA.service.create(People.person("宇検 花", "ウケン ハナ", "writing"), "staff1");
        Person after = nodeA.service.setActive(before.id(), false, "staff1");
        org.freelanceisland.people.internal.index.PeopleIndex index = new org.freelanceisland.people.internal.index.PeopleIndex();
        index.put(after);
        index.put(before); // the refresh's read of the row, made before the change, arrives last
        assertEquals(false, index.get(before.id()).orElseThrow().active(), "the newer version stays");
    }
}
