package org.freelanceisland.platform.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.Test;

class AuditStoreTest {

    @Test
    void entriesAreAppendedAndFilteredNewestFirst() {
        try (ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("platform")) {
            AuditStore store = new AuditStore(jpa);
            store.append(AuditEntry.of("sato", "people.record.read", "person", "p1", "enrolment review"),
                    Instant.parse("2025-05-01T00:00:00Z"));
            store.append(new AuditEntry("sato", "people.export", "export", null, "monthly report", Map.of("rows", "120")),
                    Instant.parse("2025-05-02T00:00:00Z"));
            store.append(AuditEntry.of("tanaka", "kpi.records.read", "indicator", "s3-skill-up", null),
                    Instant.parse("2025-05-03T00:00:00Z"));

            var all = store.query(new AuditStore.Filter(null, null, null, null, null), new PageRequest(0, 10));
            assertEquals(3, all.total());
            assertEquals("kpi.records.read", all.items().get(0).action());
            assertEquals(Map.of("rows", "120"), all.items().get(1).details());

            assertEquals(2, store.query(new AuditStore.Filter("sato", null, null, null, null), new PageRequest(0, 10)).total());
            assertEquals(2, store.query(new AuditStore.Filter(null, "people.*", null, null, null), new PageRequest(0, 10)).total());
            assertEquals(1, store.query(new AuditStore.Filter(null, null, "p1", null, null), new PageRequest(0, 10)).total());
            assertEquals(1, store.query(new AuditStore.Filter(null, null, null, Instant.parse("2025-05-02T00:00:00Z"),
                    Instant.parse("2025-05-03T00:00:00Z")), new PageRequest(0, 10)).total());
        }
    }

    @Test
    void entriesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("", "people.read", "person", "p", null));
        assertThrows(IllegalArgumentException.class, () -> AuditEntry.of("a", "Read", "person", "p", null));
    }
}
