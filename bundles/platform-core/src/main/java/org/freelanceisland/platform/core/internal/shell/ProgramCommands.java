package org.freelanceisland.platform.core.internal.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.freelanceisland.platform.core.internal.programs.ProgramCatalog;

/** The {@code island:*} commands for administrators at the Karaf shell. */
public final class ProgramCommands {

    private ProgramCommands() {
    }

    /** {@code island:programs}: the available and installed programs. */
    @Service
    @Command(scope = "island", name = "programs", description = "Lists the programs of Freelance Island, installed and available")
    public static final class Programs implements Action {

        @Reference
        ProgramCatalog catalog;

        @Override
        public Object execute() throws Exception {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Version");
            table.column("Installed");
            table.column("State");
            table.column("Stages");
            table.column("Pillars");
            table.column("Title");
            for (ProgramCatalog.Program p : catalog.list()) {
                var m = p.module();
                table.addRow().addContent(p.id(), p.version(), p.installed() ? "yes" : "no",
                        m == null ? (p.installed() ? "starting" : "-") : m.state(),
                        m == null ? "" : join(m.stages()), m == null ? "" : join(m.pillars()),
                        m == null ? p.description() : m.title().ja() + " / " + m.title().en());
            }
            table.print(System.out);
            return null;
        }
    }

    /** {@code island:install <id>}. */
    @Service
    @Command(scope = "island", name = "install", description = "Installs a program while the system runs (refreshes no other bundle)")
    public static final class Install implements Action {

        @Reference
        ProgramCatalog catalog;

        @Argument(index = 0, name = "id", description = "The program's id, e.g. terakoya", required = true)
        @Completion(ProgramCompleter.class)
        String id;

        @Override
        public Object execute() throws Exception {
            ProgramCatalog.Outcome outcome = catalog.install(id, "shell:" + System.getProperty("user.name", "karaf"));
            System.out.println(outcome.changed() ? "Installed " + id + " in " + outcome.millis() + " ms"
                    : id + " is already installed");
            return null;
        }
    }

    /** {@code island:retire <id>}. */
    @Service
    @Command(scope = "island", name = "retire", description = "Retires a program while the system runs; its data stays")
    public static final class Retire implements Action {

        @Reference
        ProgramCatalog catalog;

        @Argument(index = 0, name = "id", description = "The program's id, e.g. contest", required = true)
        @Completion(ProgramCompleter.class)
        String id;

        @Override
        public Object execute() throws Exception {
            ProgramCatalog.Outcome outcome = catalog.retire(id, "shell:" + System.getProperty("user.name", "karaf"));
            System.out.println(outcome.changed() ? "Retired " + id + " in " + outcome.millis() + " ms (its data is kept)"
                    : id + " is not installed");
            return null;
        }
    }

    static String join(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
