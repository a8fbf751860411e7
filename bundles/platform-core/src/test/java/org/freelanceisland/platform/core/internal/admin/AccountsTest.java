package org.freelanceisland.platform.core.internal.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.encryption.EncryptionSupport;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.freelanceisland.platform.core.internal.auth.JaasAuthenticator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsTest {

    @TempDir
    Path dir;

    private File users;
    private final List<String> changed = new ArrayList<>();
    private Accounts accounts;

    @BeforeEach
    void setUp() throws IOException {
        users = dir.resolve("users.properties").toFile();
        Files.writeString(users.toPath(), String.join("\n",
                "root = root-password-1,_g_:admingroup",
                "juror1 = juror-password-1,juror",
                "_g_\\:admingroup = group,admin,staff,coordinator,ssh",
                "_g_\\:staffgroup = group,staff",
                "_g_\\:coordinatorgroup = group,staff,coordinator",
                "_g_\\:jurorgroup = group,juror", ""), StandardCharsets.UTF_8);
        accounts = new Accounts(new Accounts.Store() {
            @Override
            public BackingEngine read() {
                return engine(users);
            }

            @Override
            public <T> T edit(java.util.function.Function<BackingEngine, T> work) {
                return KarafRealm.editFile(users.toPath(), draft -> work.apply(engine(draft.toFile())));
            }
        }, changed::add);
    }

    private static BackingEngine engine(File file) {
        try {
            return new PropertiesBackingEngine(new Properties(file), EncryptionSupport.noEncryptionSupport());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangeThatFailsHalfWayLeavesTheFileAsItWasAndNoDraftBehind() throws IOException {
        String before = Files.readString(users.toPath());
        assertThrows(IllegalStateException.class, () -> KarafRealm.editFile(users.toPath(), draft -> {
            engine(draft.toFile()).addUser("half", "half-done-password-1");
            throw new IllegalStateException("failed half way");
        }));
        assertEquals(before, Files.readString(users.toPath()));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("users.properties"), files.map(f -> f.getFileName().toString()).toList());
        }
        accounts.create("sato", "correct-horse-42", Set.of("staff"));
        assertTrue(Files.readString(users.toPath()).contains("sato"), "a change is in the file once it returns");
    }

    @Test
    void createsAnAccountWithGroupsForItsRoles() {
        Accounts.Account sato = accounts.create("sato", "correct-horse-42", Set.of("coordinator"));
        assertEquals(List.of("coordinator", "staff"), sato.roles());
        assertEquals(List.of("coordinatorgroup"), sato.groups());
        assertFalse(sato.disabled());
        assertEquals(List.of("sato"), changed);
        assertTrue(accounts.find("sato").isPresent());
        assertEquals(List.of("juror1", "root", "sato"), accounts.list().stream().map(Accounts.Account::name).toList());
    }

    @Test
    void refusesWeakPasswordsBadNamesUnknownRolesAndDuplicates() {
        assertMessage("password:", () -> accounts.create("sato", "short-pw", Set.of("staff")));
        assertMessage("password:", () -> accounts.create("sato", "aaaaaaaaaaaaaaa", Set.of("staff")));
        assertMessage("password:", () -> accounts.create("sato", "sato-is-my-password", Set.of("staff")));
        assertMessage("name:", () -> accounts.create("Sato San", "correct-horse-42", Set.of("staff")));
        assertMessage("roles:", () -> accounts.create("sato", "correct-horse-42", Set.of("boss")));
        assertMessage("roles:", () -> accounts.create("sato", "correct-horse-42", Set.of()));
        assertThrows(IllegalStateException.class, () -> accounts.create("root", "correct-horse-42", Set.of("staff")));
        assertTrue(changed.isEmpty());
    }

    @Test
    void replacesPlatformRolesKeepingOtherRolesAndMovingDirectRolesToGroups() {
        accounts.create("sato", "correct-horse-42", Set.of("staff"));
        Accounts.Account sato = accounts.setRoles("sato", Set.of("juror", "staff"), "root");
        assertEquals(List.of("juror", "staff"), sato.roles());
        assertEquals(List.of("jurorgroup", "staffgroup"), sato.groups());
        Accounts.Account juror = accounts.setRoles("juror1", Set.of("staff"), "root");
        assertEquals(List.of("staff"), juror.roles());
        assertEquals(List.of("staffgroup"), juror.groups());
    }

    @Test
    void disablingParksEverythingAndEnablingRestoresIt() throws IOException {
        accounts.create("sato", "correct-horse-42", Set.of("coordinator"));
        changed.clear();
        Accounts.Account disabled = accounts.disable("juror1", "root");
        assertTrue(disabled.disabled());
        assertEquals(List.of("juror"), disabled.roles());
        assertEquals(List.of("juror1"), changed);
        List<String> effective = engine(users).listRoles(new org.apache.karaf.jaas.boot.principal.UserPrincipal("juror1"))
                .stream().map(r -> r.getName()).toList();
        assertTrue(effective.contains(JaasAuthenticator.DISABLED_ROLE));
        assertFalse(effective.contains("juror"), effective.toString());

        Accounts.Account sato = accounts.disable("sato", "root");
        assertEquals(List.of("coordinator", "staff"), sato.roles());
        assertTrue(engine(users).listGroups(new org.apache.karaf.jaas.boot.principal.UserPrincipal("sato")).isEmpty());

        Accounts.Account enabled = accounts.enable("sato");
        assertFalse(enabled.disabled());
        assertEquals(List.of("coordinatorgroup"), enabled.groups());
        assertEquals(List.of("coordinator", "staff"), enabled.roles());
        assertEquals(List.of("juror"), accounts.enable("juror1").roles());
        assertFalse(Files.readString(users.toPath()).contains("account-disabled"));
    }

    @Test
    void groupsKeepTheirRolesWhenTheirLastMemberLeaves() throws IOException {
        accounts.create("sato", "correct-horse-42", Set.of("coordinator"));
        accounts.disable("sato", "root");
        assertTrue(Files.readString(users.toPath()).contains("coordinatorgroup = group,staff,coordinator"),
                Files.readString(users.toPath()));
        accounts.create("tanaka", "correct-horse-42", Set.of("coordinator"));
        assertEquals(List.of("coordinator", "staff"), accounts.find("tanaka").orElseThrow().roles());
        assertEquals(List.of("coordinator", "staff"), accounts.enable("sato").roles());
    }

    @Test
    void rolesOfADisabledAccountChangeWhatEnablingRestores() {
        accounts.create("sato", "correct-horse-42", Set.of("staff"));
        accounts.disable("sato", "root");
        Accounts.Account sato = accounts.setRoles("sato", Set.of("juror"), "root");
        assertTrue(sato.disabled());
        assertEquals(List.of("juror"), sato.roles());
        assertEquals(List.of("juror"), accounts.enable("sato").roles());
    }

    @Test
    void theLastAdministratorCannotBeDisabledOrDemotedNorCanAdministratorsLockThemselvesOut() {
        assertThrows(Accounts.RuleException.class, () -> accounts.disable("root", "someone-else"));
        assertThrows(Accounts.RuleException.class, () -> accounts.setRoles("root", Set.of("staff"), "someone-else"));
        accounts.create("second", "correct-horse-42", Set.of("admin"));
        assertThrows(Accounts.RuleException.class, () -> accounts.disable("root", "root"));
        assertThrows(Accounts.RuleException.class, () -> accounts.setRoles("root", Set.of("staff"), "root"));
        assertTrue(accounts.disable("root", "second").disabled());
    }

    @Test
    void resetsThePasswordKeepingTheRoles() throws IOException {
        accounts.resetPassword("juror1", "a-new-long-password");
        assertTrue(Files.readString(users.toPath()).contains("juror1 = a-new-long-password,juror"));
        assertEquals(List.of("juror"), accounts.find("juror1").orElseThrow().roles());
        assertEquals(List.of("juror1"), changed);
        assertThrows(Accounts.UnknownAccountException.class, () -> accounts.resetPassword("nobody", "a-new-long-password"));
        assertMessage("password:", () -> accounts.resetPassword("juror1", "short"));
    }

    private static void assertMessage(String prefix, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
