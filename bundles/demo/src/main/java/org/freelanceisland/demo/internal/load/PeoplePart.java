package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.util.List;
import java.util.Map;

import org.freelanceisland.demo.internal.data.People;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Registers the demo people in the people registry ({@code /api/people}), with flags and income. */
final class PeoplePart {

    private PeoplePart() {
    }

    static void load(Steps s) {
        s.say("people: registering " + s.people.size() + " freelancers");
        for (People.Person p : s.people) {
            String id = s.ensure(p.key(), "people", "person", () -> s.api.post("/api/people", input(p)).path("id").asText());
            s.ids.put(p.key(), id);
            for (People.Flag f : p.flags()) {
                s.once(p.key() + ":flag:" + f.flag(), "people",
                        () -> s.api.post("/api/people/" + id + "/flags", obj("flag", f.flag(), "since", f.since())));
            }
            for (Map.Entry<Integer, Long> income : p.income().entrySet()) {
                s.once(p.key() + ":income:" + income.getKey(), "people", () -> s.api.put(
                        "/api/people/" + id + "/income/" + income.getKey(),
                        obj("amountYen", income.getValue(), "source", "SELF_REPORT")));
            }
        }
    }

    static com.fasterxml.jackson.databind.node.ObjectNode input(People.Person p) {
        ArrayNode consents = IslandClient.JSON.createArrayNode();
        for (People.Consent c : p.consents()) {
            consents.add(obj("purpose", c.purpose(), "givenOn", c.givenOn(), "noticeVersion",
                    c.givenOn().getYear() + "-04"));
        }
        return obj("name", p.name(), "kana", p.kana(), "email", p.email(), "phone", p.phone(), "district", p.district(),
                "registeredOn", p.registeredOn(), "skills", p.skills(),
                "availability", obj("hoursPerWeek", p.hoursPerWeek(),
                        "weekdays", p.weekdays().stream().map(Enum::name).toList(), "windows", List.copyOf(p.windows())),
                "lifestyle", List.copyOf(p.lifestyle()), "preferredWork", p.preferredWork(),
                "residency", obj("origin", p.origin(), "movedOn", p.movedOn(), "householdSize", p.householdSize(),
                        "withFamily", p.withFamily(), "phase", p.phase()),
                "consents", consents);
    }
}
