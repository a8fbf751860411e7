package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.freelanceisland.community.internal.Fixture;
import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Role models are public only while published and while the person consents, asked on every request. */
class RoleModelServiceTest {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    private Fixture f;
    private RoleModelService roleModels;

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("p-1", "奄美 花子").add("p-2", "名瀬 太郎").add("p-3", "笠利 次郎");
        f.directory.withdraw("p-3", ConsentPurpose.ROLE_MODEL);
        roleModels = f.services.roleModels();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private long profile(String person, String work) {
        return roleModels.create(new Dto.RoleModelInput(person, person + "さん", new Dto.Text("子育てしながらライター", "Writer and parent"),
                new Dto.Story("島に移住して…", null), work, new Dto.LongText("観光記事の執筆", null), null)).id();
    }

    @Test
    void onlyPublishedProfilesOfConsentingPeopleAreShownAndAWithdrawalHidesThemAtOnce() {
        long hanako = profile("p-1", "writing");
        long taro = profile("p-2", "photography");
        long jiro = profile("p-3", "writing");
        assertEquals(0, roleModels.publicList(null, new PageRequest(0, 50)).total(), "drafts are not public");
        assertEquals(404, assertThrows(ProblemException.class, () -> roleModels.publicGet(hanako)).status());

        roleModels.publish(hanako);
        roleModels.publish(taro);
        assertEquals(422, assertThrows(ProblemException.class, () -> roleModels.publish(jiro)).status(), "no consent, no publication");
        roleModels.photo(hanako, "image/png", PNG);

        var all = roleModels.publicList(null, new PageRequest(0, 50));
        assertEquals(2, all.total());
        var writers = roleModels.publicList("writing", new PageRequest(0, 50));
        assertEquals(1, writers.total());
        Dto.PublicRoleModelView shown = writers.items().get(0);
        assertEquals("p-1さん", shown.displayName());
        assertEquals("/api/community/public/role-models/" + hanako + "/photo", shown.photo());
        assertFalse(shown.toString().contains("p-1,") || shown.toString().contains("奄美 花子"), "no person id, nothing from the registry");
        assertEquals("image/png", roleModels.publicPhoto(hanako).contentType());

        int before = f.directory.consentChecks.get();
        f.directory.withdraw("p-1", ConsentPurpose.ROLE_MODEL);
        assertEquals(1, roleModels.publicList(null, new PageRequest(0, 50)).total());
        assertEquals(0, roleModels.publicList("writing", new PageRequest(0, 50)).total());
        assertEquals(404, assertThrows(ProblemException.class, () -> roleModels.publicGet(hanako)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> roleModels.publicPhoto(hanako)).status());
        assertEquals(List.of("photography"), roleModels.publicWorkKinds().stream().map(Dto.WorkKindView::code).toList());
        assertTrue(f.directory.consentChecks.get() > before, "the registry is asked on every public request");

        Dto.RoleModelView staffView = roleModels.get(hanako);
        assertEquals(Publication.PUBLISHED, staffView.status(), "the profile itself is untouched");
        assertEquals(Boolean.FALSE, staffView.consentsNow());
        assertFalse(staffView.publiclyVisible());

        f.directory.give("p-1", ConsentPurpose.ROLE_MODEL);
        assertEquals(2, roleModels.publicList(null, new PageRequest(0, 50)).total(), "given again, shown again");
    }

    @Test
    void withoutTheRegistryThePublicSeesNothingAndProfilesAreValidated() {
        long id = profile("p-1", "writing");
        roleModels.publish(id);
        f.registryUp.set(false);
        assertEquals(503, assertThrows(ProblemException.class, () -> roleModels.publicList(null, new PageRequest(0, 50))).status());
        assertEquals(503, assertThrows(ProblemException.class, () -> roleModels.publicGet(id)).status());
        f.registryUp.set(true);

        assertEquals(409, assertThrows(ProblemException.class, () -> profile("p-1", "writing")).status(), "one per person");
        ProblemException bad = assertThrows(ProblemException.class, () -> roleModels.create(new Dto.RoleModelInput("p-2", "x",
                new Dto.Text("x", null), new Dto.Story(null, "English only"), "juggling", null, null)));
        assertEquals(List.of("workKind", "story.ja"), bad.toProblem().errors().stream().map(e -> e.field()).toList());
        assertEquals(400, assertThrows(ProblemException.class, () -> roleModels.photo(id, "image/png", "not an image".getBytes()))
                .status());
        assertEquals(422, assertThrows(ProblemException.class, () -> roleModels.update(id, new Dto.RoleModelInput("p-2", "x",
                new Dto.Text("x", null), null, "writing", null, null))).status(), "a profile stays with its person");
    }
}
