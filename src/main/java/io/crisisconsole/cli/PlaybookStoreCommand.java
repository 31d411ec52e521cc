package io.crisisconsole.cli;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;

/**
 * A command that works on the playbooks in the store; opens it for the command (importing the
 * bundled playbooks on the first run, as the app does) and closes it after.
 */
abstract class PlaybookStoreCommand extends DataCommand {

    PlaybookStoreCommand(Cli cli) {
        super(cli);
    }

    @Override
    final int run(DataHome home) throws Exception {
        try (Store store = cli.openStore(home, false)) {
            PlaybookService playbooks = new PlaybookService(store.jdbi(), cli.clock);
            BundledPlaybooks.importOnFirstRun(playbooks, BundledPlaybooks.AUTHOR);
            return run(home, playbooks);
        }
    }

    abstract int run(DataHome home, PlaybookService playbooks) throws Exception;
}
