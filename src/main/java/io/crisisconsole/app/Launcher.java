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
        io.crisisconsole.store.Store.tuneH2();
        Cli cli = Cli.standard();
        int exit = cli.execute(args);
        if (cli.guiRequested()) {
            // the window runs in a child process that this one outlives (see WindowProcess)
            if (WindowProcess.shouldSupervise()) {
                int windowExit = WindowProcess.run(args, dataDir(cli.guiArguments()));
                if (windowExit >= 0) {
                    System.exit(windowExit);
                }
            }
            javafx.application.Application.launch(CrisisConsoleApp.class, cli.guiArguments());
            return;
        }
        System.exit(exit);
    }

    /** The folder of {@code --data=DIR} among the window's arguments, or null for the default one. */
    private static String dataDir(String[] guiArguments) {
        for (String a : guiArguments) {
            if (a.startsWith("--data=")) {
                return a.substring("--data=".length());
            }
        }
        return null;
    }
}
