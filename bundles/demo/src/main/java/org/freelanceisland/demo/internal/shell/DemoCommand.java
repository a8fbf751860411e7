package org.freelanceisland.demo.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.freelanceisland.demo.internal.DemoService;

/**
 * {@code island:demo load|clear|status}: the demo island from the Karaf shell. Load and clear run
 * in the shell's session and print what they do.
 */
@Service
@Command(scope = "island", name = "demo", description = "Loads, clears or shows the demo island (sample data for trying Freelance Island)")
public final class DemoCommand implements Action {

    @Reference
    DemoService demo;

    @Argument(index = 0, name = "action", description = "load, clear or status", required = false)
    @Completion(value = StringsCompleter.class, values = { "load", "clear", "status" })
    String action = "status";

    @Option(name = "--force", description = "load even when the people registry holds people who are not demo people")
    boolean force;

    @Option(name = "--no-install", description = "do not install the programs the demo island fills")
    boolean noInstall;

    @Override
    public Object execute() {
        switch (action) {
            case "load" -> demo.load(force, !noInstall, System.out::println);
            case "clear" -> demo.clear(System.out::println);
            case "status" -> {
                DemoService.Status s = demo.status();
                System.out.println(s.loaded() ? "The demo island is loaded:" : "The demo island is not loaded.");
                DemoService.lines(s.records()).forEach(l -> System.out.println("  " + l));
                if (s.running()) {
                    System.out.println("Running now: " + s.operation());
                }
                if (s.lastOutcome() != null) {
                    System.out.println("Last: " + s.lastOutcome() + " (" + s.lastFinishedAt() + ")");
                }
            }
            default -> System.err.println("Unknown action " + action + ": use load, clear or status");
        }
        return null;
    }
}
