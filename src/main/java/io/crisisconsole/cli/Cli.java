package io.crisisconsole.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.crisisconsole.playbooks.PlaybookInvalidException;
import io.crisisconsole.store.Credentials;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Recovery;
import io.crisisconsole.store.Store;
import io.crisisconsole.store.StoreException;
import io.crisisconsole.store.StoreFailures;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.store.StoreOpener.Locked;
import io.crisisconsole.store.StoreOpener.NotOpened;
import io.crisisconsole.store.StoreOpener.OpenMode;
import io.crisisconsole.store.StoreOpener.Opened;
import io.crisisconsole.store.StoreOpener.Outcome;
import io.crisisconsole.store.StoreOpener.Refused;
import io.crisisconsole.toolkit.ConcurrentChangeException;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.SettingsStore;
import io.crisisconsole.toolkit.ValidationException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command-line interface in the same jar as the app. Exit codes: 0 done, 1 unexpected failure,
 * 2 bad arguments or input (one line on stderr), 3 store problem (one line on stderr).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int STORE_PROBLEM = 3;
    public static final String AUTHOR_ENV = "CRISIS_CONSOLE_AUTHOR";
    public static final String PASSPHRASE_ENV = "CRISIS_CONSOLE_PASSPHRASE";
    public static final String NEW_PASSPHRASE_ENV = "CRISIS_CONSOLE_NEW_PASSPHRASE";
    public static final String RECOVERY_KEY_ENV = "CRISIS_CONSOLE_RECOVERY_KEY";

    /** Reads a secret from the person at the terminal; null when there is no terminal. */
    @FunctionalInterface
    public interface SecretPrompt {
        char[] ask(String prompt);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final String userHome;
    final Clock clock;
    final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    SecretPrompt prompt = text -> System.console() == null ? null : System.console().readPassword("%s", text);

    /** Set by the root command's {@code --data}. */
    String rootDataDir;
    /** The data folder of the store this command opened (or tried to), for plain words on a failed write. */
    private DataHome storeHome;
    /** The stores this command opened: a change saved while the commit marker could not follow is a warning. */
    private final List<Store> openedStores = new ArrayList<>();
    private boolean guiRequested;

    /** The writers as given, for picocli's help and usage texts (fixed texts of this program only). */
    private final PrintWriter rawOut;
    private final PrintWriter rawErr;

    /**
     * Everything a command prints goes through {@link PlainText#terminalSafe} (stderr through
     * {@link PlainText#terminalSafeLines}): a control character in stored or file-supplied text is
     * shown as an escape, never sent to the terminal.
     */
    public Cli(PrintWriter out, PrintWriter err, Map<String, String> env, String userHome, Clock clock) {
        this.rawOut = out;
        this.rawErr = err;
        this.out = PlainText.terminalSafe(out);
        this.err = PlainText.terminalSafeLines(err);
        this.env = env;
        this.userHome = userHome;
        this.clock = clock;
    }

    public static Cli standard() {
        return new Cli(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.getenv(), System.getProperty("user.home"), Clock.systemDefaultZone());
    }

    public int execute(String... args) {
        CommandLine cl = new CommandLine(new RootCommand(this))
                .addSubcommand(new CommandLine(new CaseCommands())
                        .addSubcommand(new CaseCommands.Create(this))
                        .addSubcommand(new CaseCommands.ListCases(this))
                        .addSubcommand(new CaseCommands.Show(this))
                        .addSubcommand(new CaseCommands.SetStatus(this)))
                .addSubcommand(new CommandLine(new TimelineCommands())
                        .addSubcommand(new TimelineCommands.Add(this))
                        .addSubcommand(new TimelineCommands.ListEntries(this))
                        .addSubcommand(new TimelineCommands.Correct(this)))
                .addSubcommand(new CommandLine(new PlaybookCommands())
                        .addSubcommand(new PlaybookCommands.Validate(this))
                        .addSubcommand(new PlaybookCommands.ListPlaybooks(this))
                        .addSubcommand(new PlaybookCommands.Import(this))
                        .addSubcommand(new PlaybookCommands.Export(this)))
                .addSubcommand(new CommandLine(new ScenarioCommands())
                        .addSubcommand(new ScenarioCommands.Validate(this))
                        .addSubcommand(new ScenarioCommands.ListScenarios(this)))
                .addSubcommand(new CommandLine(new WorkspaceCommands.ChecklistGroup())
                        .addSubcommand(new WorkspaceCommands.ListSteps(this))
                        .addSubcommand(new WorkspaceCommands.Done(this))
                        .addSubcommand(new WorkspaceCommands.Skip(this))
                        .addSubcommand(new WorkspaceCommands.Reopen(this)))
                .addSubcommand(new WorkspaceCommands.LogCall(this))
                .addSubcommand(new CommandLine(new ExerciseCommands.ExerciseGroup())
                        .addSubcommand(new ExerciseCommands.Run(this))
                        .addSubcommand(new ExerciseCommands.Score(this))
                        .addSubcommand(new ExerciseCommands.ListExercises(this)))
                .addSubcommand(new CommandLine(new ReviewCommands.ReviewGroup())
                        .addSubcommand(new ReviewCommands.Export(this)))
                .addSubcommand(new CommandLine(new DraftCommands())
                        .addSubcommand(new DraftCommands.Check(this)))
                .addSubcommand(new CommandLine(new ContactCommands())
                        .addSubcommand(new ContactCommands.Import(this))
                        .addSubcommand(new ContactCommands.Export(this))
                        .addSubcommand(new ContactCommands.ListContacts(this)))
                .addSubcommand(new CommandLine(new MentionCommands())
                        .addSubcommand(new MentionCommands.ImportMentions(this))
                        .addSubcommand(new MentionCommands.ListMentions(this))
                        .addSubcommand(new MentionCommands.Stats(this)))
                .addSubcommand(new BackupCommands.Backup(this))
                .addSubcommand(new BackupCommands.Restore(this))
                .addSubcommand(new CommandLine(new BackupCommands.StoreGroup())
                        .addSubcommand(new BackupCommands.Check(this))
                        .addSubcommand(new BackupCommands.AcceptOlder(this))
                        .addSubcommand(new EncryptionCommands.Encrypt(this))
                        .addSubcommand(new EncryptionCommands.Decrypt(this))
                        .addSubcommand(new EncryptionCommands.ChangePassphrase(this)));
        // help and usage are this program's own texts (and may be coloured): written as they are
        cl.setOut(rawOut);
        cl.setErr(rawErr);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + oneLine(ex.getMessage()) + " (see --help)");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> fail(ex, cmd.getCommandSpec().qualifiedName(" ")
                .replaceFirst("^\\S+ ", "")));
        int code = cl.execute(args);
        warnAboutLaggingMarkers(code == OK);
        out.flush();
        err.flush();
        return code;
    }

    int fail(Exception ex, String command) {
        if (ex instanceof Ended ended) {
            return ended.exitCode;
        }
        if (ex instanceof ValidationException || ex instanceof ConcurrentChangeException) {
            err.println("error: " + oneLine(ex.getMessage()));
            return BAD_INPUT;
        }
        if (ex instanceof PlaybookInvalidException invalid) {
            invalid.problems().forEach(p -> err.println(p.format()));
            return BAD_INPUT;
        }
        if (ex instanceof StoreException e) {
            err.println("error: " + oneLine(e.getMessage())
                    + hint(Refused.restoreHelps(e.problem()), Refused.openingAsIsHelps(e.problem())));
            return STORE_PROBLEM;
        }
        // a full, read-only or forbidden disk under a write: one plain line, the details only at debug level
        DataHome where = storeHome != null ? storeHome : home(null);
        Optional<StoreException> fileSystem = StoreFailures.classify(where, ex, StoreFailures.problemOf(ex)
                .map(p -> p == StoreException.Problem.READ_ONLY ? "cannot " + command + ", nothing was changed"
                        : command + " did not save its change")
                .orElse(null));
        if (fileSystem.isPresent()) {
            LOG.debug("Command failed", ex);
            err.println("error: " + oneLine(fileSystem.get().getMessage()));
            return STORE_PROBLEM;
        }
        LOG.error("Command failed", ex);
        err.println("error: unexpected failure: " + oneLine(String.valueOf(ex.getMessage())));
        return FAILED;
    }

    /** What to type next, for the problems the command line can solve. */
    static String hint(boolean canRestore, boolean canOpenAsIs) {
        if (!canRestore) {
            return "";
        }
        return canOpenAsIs ? " (crisis-console restore FILE, or crisis-console store accept-older)"
                : " (crisis-console restore FILE)";
    }

    /** Ends a command whose problem was already written to stderr. */
    static final class Ended extends RuntimeException {
        final int exitCode;

        Ended(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    DataHome home(String leafDataDir) {
        String dir = leafDataDir != null ? leafDataDir : rootDataDir;
        return DataHome.resolve(dir, env, userHome);
    }

    /** {@code --author}, else {@value #AUTHOR_ENV}, else the name saved in the app's settings. */
    String author(String explicit, DataHome home) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String fromEnv = env.get(AUTHOR_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return new SettingsStore(home.settingsFile()).load().authorName();
    }

    /**
     * Opens the store (unlocking it first when it is encrypted, see {@link #unlocked}); when it does
     * not open, says why on stderr and ends the command with exit 3.
     */
    Store openStore(DataHome home, boolean acceptLostChanges) {
        try (StoreOpener opener = unlocked(home)) {
            return opened(opener.open(acceptLostChanges ? OpenMode.ACCEPT_LOST_CHANGES : OpenMode.NORMAL)).store();
        }
    }

    /**
     * An opener for the store in {@code home} that holds its key when it is encrypted. The
     * credentials are asked for once: {@value #RECOVERY_KEY_ENV}, else {@value #PASSPHRASE_ENV}, else
     * (only when the store turns out to be encrypted) the passphrase typed at the terminal. When it
     * stays locked, says why on stderr and ends the command with exit 3.
     */
    StoreOpener unlocked(DataHome home) {
        storeHome = home;
        StoreOpener opener = new StoreOpener(home);
        notes(opener);
        Credentials fromEnvironment = credentialsFromEnvironment();
        boolean inEnvironment = !(fromEnvironment instanceof Credentials.None);
        Optional<NotOpened> notUnlocked = opener.unlock(fromEnvironment);
        if (notUnlocked.isPresent() && !inEnvironment && needsPassphrase(notUnlocked.get())) {
            char[] typed = prompt.ask("Passphrase for " + home.dir() + ": ");
            if (typed != null) {
                notUnlocked = opener.unlock(Credentials.passphrase(typed));
            }
        }
        if (notUnlocked.isPresent()) {
            opener.close();
            throw notOpened(notUnlocked.get());
        }
        showNewRecoveryKey(opener);
        return opener;
    }

    /** Says on stderr, one {@code note:} line each, what the recovery of interrupted operations did. */
    void notes(StoreOpener opener) {
        for (Recovery.Note note : opener.recover()) {
            err.println("note: " + oneLine(note.text()));
        }
        err.flush();
    }

    /** The recovery key the unlock made because the first one was never shown, on stderr (stdout stays the command's). */
    private void showNewRecoveryKey(StoreOpener opener) {
        Optional<String> recoveryKey = opener.newRecoveryKey();
        if (recoveryKey.isPresent()) {
            err.println("note: Turning encryption on was interrupted before its recovery key was shown, so a new one was made.");
            err.println("note: Recovery key (write it down and keep it apart from this laptop; it is shown only now):");
            err.println("note:   " + recoveryKey.get());
            err.flush();
            opener.recoveryKeyShown();
        }
    }

    /** The open store of {@code outcome}; else says why on stderr and ends the command with exit 3. */
    Opened opened(Outcome outcome) {
        if (outcome instanceof Opened opened) {
            Store store = opened.store();
            openedStores.add(store);
            store.readOnly().ifPresent(why -> err.println("note: the store in " + store.home().dir()
                    + " is read-only (" + why + "); nothing can be changed"));
            return opened;
        }
        throw notOpened((NotOpened) outcome);
    }

    private Credentials credentialsFromEnvironment() {
        String recovery = env.get(RECOVERY_KEY_ENV);
        if (recovery != null && !recovery.isBlank()) {
            return Credentials.recoveryKey(recovery.toCharArray());
        }
        String passphrase = env.get(PASSPHRASE_ENV);
        if (passphrase != null && !passphrase.isEmpty()) {
            return Credentials.passphrase(passphrase.toCharArray());
        }
        return Credentials.none();
    }

    private static boolean needsPassphrase(NotOpened why) {
        return why instanceof Locked locked && locked.reason() == Locked.Reason.NEEDS_PASSPHRASE;
    }

    /** One line on stderr: why the store is not open, and the command that helps where there is one. */
    private Ended notOpened(NotOpened why) {
        String line;
        if (needsPassphrase(why)) {
            line = "The store in " + ((Locked) why).home().dir()
                    + " is encrypted: type its passphrase at a terminal or set $" + PASSPHRASE_ENV + ".";
        } else if (why instanceof Refused refused) {
            line = oneLine(refused.message()) + hint(refused.canRestore(), refused.canOpenAsIs());
        } else {
            line = oneLine(why.message());
        }
        err.println("error: " + line);
        return new Ended(STORE_PROBLEM);
    }

    /**
     * Exit 0 stays: the change is saved, and repeating it would make it twice. After a failed command
     * only a change it saved is worth a word (its error already says what is wrong).
     */
    private void warnAboutLaggingMarkers(boolean succeeded) {
        for (Store store : openedStores) {
            if (succeeded || store.marker().changeSavedWhileLagging()) {
                store.marker().warning().ifPresent(why -> err.println("warning: " + oneLine(why)));
            }
        }
        openedStores.clear();
    }

    void requestGui() {
        guiRequested = true;
    }

    public boolean guiRequested() {
        return guiRequested;
    }

    /** The arguments for the JavaFX application ({@code --data=DIR} when given). */
    public String[] guiArguments() {
        return rootDataDir == null ? new String[0] : new String[] {"--data=" + rootDataDir};
    }
}
