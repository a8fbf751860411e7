package org.freelanceisland.platform.core.internal.ledger;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which id prefixes the ledger purge accepts: never a whole module, never a wildcard. */
class LedgerPurgePrefixTest {

    @Test
    void aPrefixNamesAModuleAndARecordOrIsASampleNamespace() {
        assertTrue(LedgerResource.acceptablePrefix("demo:"));
        assertTrue(LedgerResource.acceptablePrefix("manual:"));
        assertTrue(LedgerResource.acceptablePrefix("people:12:"));
        assertTrue(LedgerResource.acceptablePrefix("terakoya:enrolment:7:"));
        assertTrue(LedgerResource.acceptablePrefix("contest:3:award:"));
    }

    @Test
    void wholeModulesOpenEndsAndWildcardsAreRefused() {
        assertFalse(LedgerResource.acceptablePrefix("people:"));
        assertFalse(LedgerResource.acceptablePrefix("people:12"));
        assertFalse(LedgerResource.acceptablePrefix("people::"));
        assertFalse(LedgerResource.acceptablePrefix(":12:"));
        assertFalse(LedgerResource.acceptablePrefix("people:%:"));
        assertFalse(LedgerResource.acceptablePrefix("people: 1:"));
        assertFalse(LedgerResource.acceptablePrefix(""));
        assertFalse(LedgerResource.acceptablePrefix(null));
    }
}
