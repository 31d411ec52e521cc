package io.crisisconsole.cli;

import io.crisisconsole.playbooks.BundledPlaybooks;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;

/**
 * A command that works on the playbooks in the store; opens it for the command (importing the
 * bundled playbooks on the first run, as the app does) and closes it after.
 */
abstract class PlaybookStoreCommand extends StoreCommand {

    /** The services of the open store, while the command runs. */
    Services services;

    PlaybookStoreCommand(Cli cli) {
        super(cli);
    }

    @Override
    final int run(DataHome home, Services services) throws Exception {
        BundledPlaybooks.importOnFirstRun(services.playbooks(), BundledPlaybooks.AUTHOR);
        this.services = services;
        return run(home, services.playbooks());
    }

    abstract int run(DataHome home, PlaybookService playbooks) throws Exception;
}
