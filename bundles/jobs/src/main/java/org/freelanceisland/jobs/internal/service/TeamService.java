package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.freelanceisland.jobs.internal.model.Team;
import org.freelanceisland.jobs.internal.model.TeamMember;
import org.freelanceisland.jobs.internal.service.Dto.MemberInput;
import org.freelanceisland.jobs.internal.service.Dto.MemberView;
import org.freelanceisland.jobs.internal.service.Dto.TeamInput;
import org.freelanceisland.jobs.internal.service.Dto.TeamView;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Project teams: freelancers with roles (writer, photographer, web maker) and their shares of the
 * team's pay, which add up to 100 percent. A team is introduced to a job as a whole
 * ({@link IntroductionService#introduce}); changing its members later does not change introductions
 * already made.
 */
public final class TeamService {

    private final Tx tx;
    private final People people;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     */
    public TeamService(Tx tx, People people) {
        this.tx = tx;
        this.people = people;
    }

    /**
     * Lists teams by name.
     *
     * @param personId only teams this person is a member of, or {@code null}
     * @param active only active (or inactive) teams, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<TeamView> list(String personId, Boolean active, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (personId != null) {
            where.append(" AND t.id IN (SELECT m.teamId FROM TeamMember m WHERE m.personId = :person)");
            params.put("person", personId);
        }
        if (active != null) {
            where.append(" AND t.active = :active");
            params.put("active", active);
        }
        Page<TeamView> found = tx.read(em -> {
            TypedQuery<Team> q = em.createQuery("SELECT t FROM Team t" + Values.where(where) + " ORDER BY t.name, t.id", Team.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM Team t" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<TeamView> items = new ArrayList<>();
            for (Team t : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(view(t, members(em, t.id())));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
        return new Page<>(withNames(found.items()), found.total(), found.offset(), found.limit());
    }

    /**
     * One team.
     *
     * @param id the team
     * @return the team
     */
    public TeamView get(long id) {
        TeamView v = tx.read(em -> {
            Team t = em.find(Team.class, id);
            if (t == null) {
                throw ProblemException.notFound("team", id);
            }
            return view(t, members(em, id));
        });
        return withNames(List.of(v)).get(0);
    }

    /**
     * Forms a team.
     *
     * @param in the team
     * @return the team
     * @throws ProblemException 422 when the shares do not add up to 100 or a member may not take part; 409 for a name in use
     */
    public TeamView create(TeamInput in) {
        check(in);
        TeamView v = tx.write(em -> {
            requireUniqueName(em, in.name().strip(), null);
            Team t = new Team();
            t.setName(in.name().strip());
            t.setNote(Values.blank(in.note()));
            t.setActive(in.active() == null || in.active());
            t.setCreatedAt(tx.now());
            t.setUpdatedAt(tx.now());
            em.persist(t);
            em.flush();
            return view(t, replaceMembers(em, t.id(), in.members()));
        });
        return withNames(List.of(v)).get(0);
    }

    /**
     * Changes a team and its members.
     *
     * @param id the team
     * @param in all fields
     * @return the team
     */
    public TeamView update(long id, TeamInput in) {
        check(in);
        TeamView v = tx.write(em -> {
            Team t = em.find(Team.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                throw ProblemException.notFound("team", id);
            }
            if (in.version() != null && in.version() != t.version()) {
                throw ProblemException.conflict("Team " + id + " was changed by someone else (version " + t.version()
                        + ", you sent " + in.version() + "); load it again");
            }
            requireUniqueName(em, in.name().strip(), id);
            t.setName(in.name().strip());
            t.setNote(Values.blank(in.note()));
            t.setActive(in.active() == null || in.active());
            t.setUpdatedAt(tx.now());
            List<TeamMember> members = replaceMembers(em, id, in.members());
            em.flush();
            return view(t, members);
        });
        return withNames(List.of(v)).get(0);
    }

    /**
     * A team, or 422 naming the field.
     *
     * @param em the entity manager
     * @param id the team
     * @param field the request field
     * @return the team
     */
    static Team find(EntityManager em, long id, String field) {
        Team t = em.find(Team.class, id);
        if (t == null) {
            throw ProblemException.unprocessable(field, "no team with id " + id);
        }
        return t;
    }

    /**
     * A team's members in order.
     *
     * @param em the entity manager
     * @param teamId the team
     * @return the members
     */
    static List<TeamMember> members(EntityManager em, long teamId) {
        return em.createQuery("SELECT m FROM TeamMember m WHERE m.teamId = :t ORDER BY m.position", TeamMember.class)
                .setParameter("t", teamId).getResultList();
    }

    private void check(TeamInput in) {
        Set<String> seen = new HashSet<>();
        List<Integer> shares = new ArrayList<>();
        for (int k = 0; k < in.members().size(); k++) {
            MemberInput m = in.members().get(k);
            if (!seen.add(m.personId().strip())) {
                throw ProblemException.invalid("members[" + k + "].personId", "is a member already");
            }
            shares.add(m.sharePercent());
        }
        if (!PaySplit.isWhole(shares)) {
            int sum = shares.stream().mapToInt(Integer::intValue).sum();
            throw ProblemException.unprocessable("members", "the shares add up to " + sum + " percent, not 100");
        }
        for (int k = 0; k < in.members().size(); k++) {
            people.requireParticipant("members[" + k + "].personId", in.members().get(k).personId().strip());
        }
    }

    private static void requireUniqueName(EntityManager em, String name, Long self) {
        for (Long id : em.createQuery("SELECT t.id FROM Team t WHERE t.name = :n", Long.class).setParameter("n", name)
                .getResultList()) {
            if (!id.equals(self)) {
                throw ProblemException.conflict("A team named " + name + " already exists (team " + id + ")");
            }
        }
    }

    private List<TeamMember> replaceMembers(EntityManager em, long teamId, List<MemberInput> in) {
        for (TeamMember old : members(em, teamId)) {
            em.remove(old);
        }
        em.flush();
        List<TeamMember> members = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            TeamMember m = new TeamMember();
            m.setTeamId(teamId);
            m.setPosition(k);
            m.setPersonId(in.get(k).personId().strip());
            m.setRole(in.get(k).role().strip());
            m.setSharePercent(in.get(k).sharePercent());
            em.persist(m);
            members.add(m);
        }
        return members;
    }

    private static TeamView view(Team t, List<TeamMember> members) {
        List<MemberView> views = new ArrayList<>();
        for (TeamMember m : members) {
            views.add(new MemberView(m.personId(), null, m.role(), m.sharePercent()));
        }
        return new TeamView(t.id(), t.name(), t.note(), t.active(), views, t.version(), Tx.instant(t.createdAt()),
                Tx.instant(t.updatedAt()));
    }

    private List<TeamView> withNames(List<TeamView> teams) {
        Set<String> ids = new HashSet<>();
        teams.forEach(t -> t.members().forEach(m -> ids.add(m.personId())));
        Map<String, String> names = people.names(ids);
        List<TeamView> out = new ArrayList<>();
        for (TeamView t : teams) {
            List<MemberView> members = new ArrayList<>();
            for (MemberView m : t.members()) {
                members.add(new MemberView(m.personId(), names.get(m.personId()), m.role(), m.sharePercent()));
            }
            out.add(new TeamView(t.id(), t.name(), t.note(), t.active(), members, t.version(), t.createdAt(), t.updatedAt()));
        }
        return out;
    }
}
