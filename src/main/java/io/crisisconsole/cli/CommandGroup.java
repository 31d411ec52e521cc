package io.crisisconsole.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: run on its own, it is a usage error (exit 2). */
abstract class CommandGroup implements Runnable {

    private final String subcommands;

    CommandGroup(String subcommands) {
        this.subcommands = subcommands;
    }

    @Override
    public final void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing subcommand: " + subcommands);
    }
}
