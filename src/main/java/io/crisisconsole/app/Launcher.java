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
        String[] window = windowOnly(args);
        if (window != null) {
            // no command: straight to the window (the command line's parser costs ~0.4 s to build)
            openWindow(args, window);
            return;
        }
        Cli cli = Cli.standard();
        int exit = cli.execute(args);
        if (cli.guiRequested()) {
            openWindow(args, cli.guiArguments());
            return;
        }
        System.exit(exit);
    }

    private static void openWindow(String[] args, String[] guiArguments) {
        // the window runs in a child process that this one outlives (see WindowProcess)
        if (WindowProcess.shouldSupervise()) {
            int windowExit = WindowProcess.run(args, dataDir(guiArguments));
            if (windowExit >= 0) {
                System.exit(windowExit);
            }
        }
        javafx.application.Application.launch(CrisisConsoleApp.class, guiArguments);
    }

    /**
     * The window's arguments when {@code args} ask for the window and nothing else (none, or only
     * {@code --data DIR} / {@code --data=DIR}), as the command line would give them; null for
     * anything else, which the command line parses (and explains when wrong).
     */
    static String[] windowOnly(String[] args) {
        if (args.length == 0) {
            return new String[0];
        }
        String dir = null;
        if (args.length == 1 && args[0].startsWith("--data=")) {
            dir = args[0].substring("--data=".length());
        } else if (args.length == 2 && args[0].equals("--data")) {
            dir = args[1];
        }
        if (dir == null || dir.isBlank() || dir.startsWith("-")) {
            return null;
        }
        return new String[] {"--data=" + dir};
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
