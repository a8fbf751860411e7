package org.freelanceisland.platform.api.records;

import java.util.Collection;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Removes records of one program for good, with everything that belongs to them.
 *
 * <p>Programs keep their history: their APIs refuse to delete a course that had applications, a
 * contest with entries or a contract. Some records must go nonetheless: the sample data of the demo
 * island, records entered into a live system by mistake. A program registers this service so that
 * administrators can remove them through the platform ({@code POST /api/admin/records/remove}, role
 * admin, written to the audit log); no program exposes the removal in its own API.
 *
 * <p>Removal takes along what belongs to the record and would be meaningless without it (a course's
 * sessions, applications and attendance; a contest's entries, photos, jury scores and votes). It does
 * not erase people (the people registry does that) nor purge the ledger (the platform does that,
 * {@code POST /api/ledger/purge}): the facts recorded about removed records stay counted until purged.
 *
 * <p>Implementations remove in one transaction: all the given records or none.
 */
@ConsumerType
public interface RecordRemoval {

    /**
     * The program whose records this removes.
     *
     * @return the program's id, as its {@link org.freelanceisland.platform.api.ProgramModule#id()}
     */
    String module();

    /**
     * The kinds of record this removes, in lowercase, for example {@code course}, {@code contest},
     * {@code partner}.
     *
     * @return the kinds
     */
    Set<String> kinds();

    /**
     * Removes records of one kind, with everything that belongs to them. Ids that name no record
     * (removed already) are skipped, so a removal can be repeated safely.
     *
     * @param kind one of {@link #kinds()}
     * @param ids the records' ids, as the program's API shows them
     * @return how many of the records were removed (dependants not counted)
     * @throws IllegalArgumentException if the kind is not one of {@link #kinds()} or an id is not
     *         of the program's form; the message names the id
     */
    int remove(String kind, Collection<String> ids);
}
