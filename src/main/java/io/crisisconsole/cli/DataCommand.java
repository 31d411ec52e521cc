package io.crisisconsole.cli;

import io.crisisconsole.store.DataHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** A command that works on a data folder ({@code --data DIR} here or before the command). */
abstract class DataCommand implements Callable<Integer> {

    final Cli cli;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (overrides $CRISIS_CONSOLE_HOME).")
    String dataDir;

    DataCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public final Integer call() throws Exception {
        return run(cli.home(dataDir));
    }

    abstract int run(DataHome home) throws Exception;
}
