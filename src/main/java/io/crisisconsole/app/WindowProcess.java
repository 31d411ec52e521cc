package io.crisisconsole.app;

import io.crisisconsole.store.BackupScheduler;
import io.crisisconsole.store.Backups;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.StoreOpener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the window in a child JVM and stays beside it, small (no JavaFX loaded here).
 *
 * <p>Why: when the X server goes away (display killed, session ended, {@code xkill}), GTK ends the
 * process at once with {@code _exit(1)} (GTK 3.24 {@code gdk_x_io_error}): no Java code runs, so
 * the window process cannot write its last backup or close the store itself. This process sees
 * the child end, finds the display gone, opens the store (the operating system released the
 * child's lock) and writes the last backup if anything changed, says so in one log line and exits
 * with {@link #DISPLAY_LOST}. Every change the window acknowledged is already in the store
 * ({@code WRITE_DELAY=0}), and typed text as of its last autosave (at most 1 s old).
 *
 * <p>A SIGTERM or SIGHUP (logout, terminal closed, {@code kill}) to this process is passed on to
 * the window process, whose shutdown hook writes typed text, backs up and closes the store; this
 * process waits for it (bounded) and ends with it.
 */
final class WindowProcess {

    private static final Logger LOG = LoggerFactory.getLogger(WindowProcess.class);

    /** The system property that marks the window process itself (it launches JavaFX directly). */
    static final String CHILD_PROPERTY = "crisisconsole.window.child";
    /** {@code -Dcrisisconsole.window.separate=false} runs the window in this process (no watch). */
    static final String SEPARATE_PROPERTY = "crisisconsole.window.separate";
    /** The exit code when the window ended because its display was lost. */
    static final int DISPLAY_LOST = 4;
    /** How long a stopping window process gets to back up and close before it is killed. */
    static final long STOP_WAIT_SECONDS = 60;

    private WindowProcess() {
    }

    /** Whether this JVM should start a window process rather than the window itself. */
    static boolean shouldSupervise() {
        return !Boolean.getBoolean(CHILD_PROPERTY)
                && !"false".equalsIgnoreCase(System.getProperty(SEPARATE_PROPERTY));
    }

    /** Starts the window process with {@code args}, waits for it and returns the exit code to end with. */
    static int run(String[] args, String dataDir) {
        Process child;
        AppCds cds = AppCds.forThisJvm();
        try {
            child = new ProcessBuilder(command(args, cds)).inheritIO().start();
        } catch (IOException e) {
            LOG.error("The window process could not be started ({}); starting the window here", e.getMessage());
            return -1;
        }
        Thread forward = new Thread(() -> {
            stop(child);
            if (cds != null && !child.isAlive()) {
                cds.windowEnded(child.exitValue()); // the JVM may end before the waiting thread gets to it
            }
        }, "crisis-console-stop-window");
        Runtime.getRuntime().addShutdownHook(forward);
        int exit = waitFor(child);
        if (cds != null) {
            cds.windowEnded(exit);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(forward);
        } catch (IllegalStateException shuttingDown) {
            // the hook is stopping the child: the JVM ends with the signal's code
            return exit;
        }
        if (exit == 0) {
            return 0;
        }
        String display = System.getenv("DISPLAY");
        if (displayAnswers(display)) {
            return exit;
        }
        DataHome home = DataHome.resolve(dataDir);
        LOG.error("The display {} was lost, so the window ended; {}", display == null ? "(none)" : display,
                afterCare(home));
        return DISPLAY_LOST;
    }

    private static List<String> command(String[] args, AppCds cds) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable(Path.of(System.getProperty("java.home")), System.getProperty("os.name", "")).toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (cds != null) {
            cmd.addAll(cds.jvmOptions());
        }
        cmd.add("-D" + CHILD_PROPERTY + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The JVM that runs the window: {@code bin/javaw.exe} on Windows when the runtime has it (no
     * console window opens beside the app, as {@code java.exe} would from a launcher without one),
     * else {@code bin/java.exe} there and {@code bin/java} elsewhere.
     */
    static Path javaExecutable(Path javaHome, String osName) {
        Path bin = javaHome.resolve("bin");
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return bin.resolve("java");
        }
        Path windowed = bin.resolve("javaw.exe");
        return Files.isRegularFile(windowed) ? windowed : bin.resolve("java.exe");
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the window process owns the store until it ends
            }
        }
    }

    /** SIGTERM to the window process, then a bounded wait; a kill when it does not end in time. */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.error("The window process did not end within {} s of being asked to; ending it", STOP_WAIT_SECONDS);
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether an X display still accepts connections: {@code :N} is the local socket
     * {@code /tmp/.X11-unix/XN}, {@code host:N} is TCP port 6000+N. Unknown forms count as there
     * (nothing is done then).
     */
    static boolean displayAnswers(String display) {
        if (display == null || display.isBlank()) {
            return false;
        }
        Matcher m = DISPLAY.matcher(display.strip());
        if (!m.matches()) {
            return true;
        }
        int number = Integer.parseInt(m.group(2));
        String host = m.group(1);
        if (host.isEmpty() || host.equals("unix")) {
            Path socket = Path.of("/tmp/.X11-unix/X" + number);
            if (!Files.exists(socket)) {
                return false;
            }
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return c.isConnected();
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, 6000 + number), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern DISPLAY = Pattern.compile("([^:/]*):(\\d+)(?:\\.\\d+)?");

    /** Opens the store the window left, writes a last backup if anything changed and closes it; says what was done. */
    static String afterCare(DataHome home) {
        try (StoreOpener opener = new StoreOpener(home)) {
            StoreOpener.Outcome outcome = opener.open(StoreOpener.OpenMode.NORMAL);
            if (!(outcome instanceof StoreOpener.Opened opened)) {
                return "the store in " + home.dir() + " was not backed up (" + describe(outcome)
                        + "); its last saved state is intact.";
            }
            try (Store store = opened.store()) {
                Backups backups = new Backups(home);
                Optional<Backups.Backup> before = backups.newest();
                new BackupScheduler(store, backups, BackupScheduler.DEFAULT_INTERVAL,
                        message -> { }).close();
                Optional<Backups.Backup> after = backups.newest();
                boolean wrote = after.isPresent() && !after.map(Backups.Backup::file).equals(before.map(Backups.Backup::file));
                return wrote
                        ? "the store was backed up to " + after.get().file() + " and closed."
                        : "the store was closed (its newest backup already held every change).";
            }
        } catch (RuntimeException e) {
            return "the store in " + home.dir() + " could not be backed up: " + e.getMessage();
        }
    }

    private static String describe(StoreOpener.Outcome outcome) {
        if (outcome instanceof StoreOpener.Locked) {
            return "it is encrypted; the next start that unlocks it backs it up";
        }
        if (outcome instanceof StoreOpener.Refused refused) {
            return refused.message();
        }
        return outcome.toString();
    }
}
