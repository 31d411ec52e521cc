package io.crisisconsole.app;

import io.crisisconsole.cli.Cli;

/**
 * The main class. With no command it opens the window; with one it runs the command-line interface
 * ({@code crisis-console --help}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Cli cli = Cli.standard();
        int exit = cli.execute(args);
        if (cli.guiRequested()) {
            javafx.application.Application.launch(CrisisConsoleApp.class, cli.guiArguments());
            return;
        }
        System.exit(exit);
    }
}
