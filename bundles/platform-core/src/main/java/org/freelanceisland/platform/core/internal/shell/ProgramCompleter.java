package org.freelanceisland.platform.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.freelanceisland.platform.core.internal.programs.ProgramCatalog;

/** Completes program ids. */
@Service
public final class ProgramCompleter implements Completer {

    @Reference
    ProgramCatalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            catalog.list().forEach(p -> delegate.getStrings().add(p.id()));
        } catch (Exception e) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
