package io.crisisconsole.cli;

import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;

/**
 * A command that works on what is in the store: opens it for the command, builds the services over
 * it (the same {@link Services} as the window) and closes it after.
 */
abstract class StoreCommand extends DataCommand {

    StoreCommand(Cli cli) {
        super(cli);
    }

    @Override
    final int run(DataHome home) throws Exception {
        try (Store store = cli.openStore(home, false)) {
            return run(home, Services.create(store, cli.clock));
        }
    }

    abstract int run(DataHome home, Services services) throws Exception;
}
