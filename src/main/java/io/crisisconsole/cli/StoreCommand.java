package io.crisisconsole.cli;

import io.crisisconsole.cases.CaseService;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;

/** A command that works on the cases in the store; opens it for the command and closes it after. */
abstract class StoreCommand extends DataCommand {

    StoreCommand(Cli cli) {
        super(cli);
    }

    @Override
    final int run(DataHome home) throws Exception {
        try (Store store = cli.openStore(home, false)) {
            return run(home, new CaseService(store.jdbi(), cli.clock));
        }
    }

    abstract int run(DataHome home, CaseService cases) throws Exception;
}
