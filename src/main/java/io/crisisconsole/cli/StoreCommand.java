package io.crisisconsole.cli;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A command that works on the store; opens it for the command and closes it after. */
abstract class StoreCommand implements Callable<Integer> {

    final Cli cli;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (overrides $CRISIS_CONSOLE_HOME).")
    String dataDir;

    StoreCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public final Integer call() throws Exception {
        DataHome home = cli.home(dataDir);
        try (Store store = cli.openStore(home, false)) {
            return run(home, new CaseService(store.jdbi(), cli.clock));
        }
    }

    abstract int run(DataHome home, CaseService cases) throws Exception;
}
