package io.crisisconsole.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "crisis-console", mixinStandardHelpOptions = true, version = "Crisis Console 0.1.0",
        description = "Offline crisis-communications console. With no command, opens the window.",
        footer = {"", "Exit codes: 0 done, 1 unexpected failure, 2 bad arguments or input, 3 store problem.",
                "Data folder: --data DIR, else $CRISIS_CONSOLE_HOME, else ~/.crisis-console."})
final class RootCommand implements Callable<Integer> {

    private final Cli cli;

    RootCommand(Cli cli) {
        this.cli = cli;
    }

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (overrides $CRISIS_CONSOLE_HOME).")
    void setData(String dir) {
        cli.rootDataDir = dir;
    }

    @Override
    public Integer call() {
        cli.requestGui();
        return Cli.OK;
    }
}
