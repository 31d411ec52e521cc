package io.crisisconsole.app;

import atlantafx.base.theme.Styles;
import io.crisisconsole.store.Backups;
import io.crisisconsole.store.Credentials;
import io.crisisconsole.store.Recovery;
import io.crisisconsole.store.StoreException;
import io.crisisconsole.store.StoreFailures;
import io.crisisconsole.store.StoreOpener;
import io.crisisconsole.store.StoreOpener.Locked;
import io.crisisconsole.store.StoreOpener.OpenMode;
import io.crisisconsole.store.StoreOpener.Opened;
import io.crisisconsole.store.StoreOpener.Outcome;
import io.crisisconsole.store.StoreOpener.Refused;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.Notifier;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Gets from "the app starts" to "the store is open" by rendering the outcomes of
 * {@link StoreOpener} to the person: {@link Locked} as the passphrase (or recovery key) dialog,
 * again with the reason after a wrong one; {@link Refused} as an alert offering what can be done
 * (restore the newest backup, open the store as it is, or quit). Every attempt (key derivation,
 * restore, opening, wiring the app) runs in the background with a progress window.
 */
final class Startup {

    /** Where an attempt got: the wired app when the store opened ({@code ready}), else the outcome to show. */
    record Step(AppContext ready, Outcome outcome) {
    }

    private final StoreOpener opener;
    private final Clock clock;
    private final Messages messages;
    private final Formats formats;
    private final Consumer<AppContext> onReady;

    /** @param messages the texts in the UI language (the app itself makes its own once it is wired) */
    Startup(StoreOpener opener, Clock clock, Messages messages, Consumer<AppContext> onReady) {
        this.opener = opener;
        this.clock = clock;
        this.messages = messages;
        this.formats = new Formats(messages, ZoneId.systemDefault());
        this.onReady = onReady;
    }

    /**
     * The first attempt, with no credentials: a plain store opens and the app is wired here, an
     * encrypted one comes back {@link Locked}. Slow (migrates, reads every row): not on the FX thread.
     */
    static Step firstAttempt(StoreOpener opener, Clock clock) {
        return firstAttempt(opener, clock, phase -> { });
    }

    /** As {@link #firstAttempt(StoreOpener, Clock)}, telling {@code phases} (on this thread) where it got. */
    static Step firstAttempt(StoreOpener opener, Clock clock, Consumer<StartupShell.Phase> phases) {
        opener.onStep(step -> phases.accept(StartupShell.Phase.of(step)));
        try {
            return attempt(opener, clock, () -> opener.open(OpenMode.NORMAL), () -> phases.accept(StartupShell.Phase.WIRING));
        } finally {
            opener.onStep(step -> { });
        }
    }

    /** On the FX thread: goes on from where the first attempt got. */
    void begin(Step first) {
        show(first);
    }

    /** On the FX thread: the first attempt failed with {@code t}; says so as a refused store. */
    void begin(Throwable t) {
        failed(t);
    }

    private void show(Step step) {
        if (step.ready() != null) {
            List<String> said = new ArrayList<>();
            if (step.outcome() instanceof Opened opened && opened.restored().isPresent()) {
                Backups.Restored restored = opened.restored().get();
                String when = formats.dayClock(restored.manifest().createdAt());
                said.add(restored.previousStore() == null
                        ? messages.get("startup.restored", when)
                        : messages.get("startup.restored.previousKept", when, restored.previousStore().getFileName()));
            }
            opener.recover().forEach(note -> said.add(recoveredText(note)));
            if (!said.isEmpty()) {
                step.ready().notifier().info(String.join(" ", said));
            }
            Optional<String> recoveryKey = opener.newRecoveryKey();
            if (recoveryKey.isPresent()) {
                showNewRecoveryKey(recoveryKey.get());
                opener.recoveryKeyShown();
            }
            step.ready().showReadOnlyNotice();
            onReady.accept(step.ready());
        } else if (step.outcome() instanceof Locked locked) {
            askPassphrase(locked.reason() == Locked.Reason.WRONG_PASSPHRASE ? locked.message() : null);
        } else {
            handle((Refused) step.outcome());
        }
    }

    /** Runs one call of the opener and, when the store opened, wires the app around it. */
    private static Step attempt(StoreOpener opener, Clock clock, Supplier<Outcome> call) {
        return attempt(opener, clock, call, () -> { });
    }

    private static Step attempt(StoreOpener opener, Clock clock, Supplier<Outcome> call, Runnable wiring) {
        Outcome outcome = call.get();
        if (!(outcome instanceof Opened opened)) {
            return new Step(null, outcome);
        }
        try {
            wiring.run();
            return new Step(AppContext.create(opened.store(), clock), outcome);
        } catch (StoreException e) {
            return new Step(null, opener.refused(e));
        }
    }

    private void failed(Throwable t) {
        StoreException problem = t instanceof StoreException e ? e
                : StoreFailures.classify(opener.home(), t, "the store cannot be opened").orElseGet(() ->
                        new StoreException(StoreException.Problem.OTHER, Notifier.describe(t), t));
        show(new Step(null, opener.refused(problem)));
    }

    private void askPassphrase(String error) {
        Optional<Credentials> credentials = unlockDialog(error);
        if (credentials.isEmpty()) {
            quit();
            return;
        }
        inBackground(messages.get("startup.unlocking"), () -> opener.open(credentials.get(), OpenMode.NORMAL));
    }

    private void handle(Refused refused) {
        Optional<Backups.Backup> newest = refused.canRestore() ? refused.newestBackup() : Optional.empty();
        ButtonType restore = new ButtonType(messages.get("startup.refused.restore"), ButtonBar.ButtonData.OK_DONE);
        ButtonType asIs = new ButtonType(messages.get("startup.refused.openAsIs"), ButtonBar.ButtonData.OTHER);
        ButtonType quit = new ButtonType(messages.get("startup.refused.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(header(refused.problem()));
        alert.setContentText(refused.message());
        alert.getButtonTypes().setAll(quit);
        if (newest.isPresent()) {
            alert.getButtonTypes().add(0, restore);
        }
        if (refused.canOpenAsIs()) {
            alert.getButtonTypes().add(asIs);
        }
        alert.getDialogPane().setPrefWidth(680);
        ButtonType choice = alert.showAndWait().orElse(quit);
        if (choice == restore) {
            Backups.Backup b = newest.get();
            inBackground(messages.get("startup.restoring", formats.dayClock(b.manifest().createdAt())),
                    () -> opener.restoreAndOpen(b.file()));
        } else if (choice == asIs) {
            inBackground(messages.get("startup.opening"), () -> opener.open(OpenMode.ACCEPT_LOST_CHANGES));
        } else {
            quit();
        }
    }

    /** What the recovery of an interrupted operation did, in the UI language. */
    private String recoveredText(Recovery.Note note) {
        switch (note.kind()) {
            case ENCRYPT_UNDONE:
                return messages.get("startup.recovered.encryptUndone");
            case ENCRYPT_FINISHED:
                return messages.get("startup.recovered.encryptFinished");
            case DECRYPT_UNDONE:
                return messages.get("startup.recovered.decryptUndone");
            case DECRYPT_FINISHED:
                return messages.get("startup.recovered.decryptFinished");
            case BACKUP_REMOVED:
                return messages.get("startup.recovered.backupRemoved");
            case RESTORE_UNDONE:
                return messages.get("startup.recovered.restoreUndone", note.subject());
            case RESTORE_FINISHED:
                return messages.get("startup.recovered.restoreFinished", note.subject());
            case LEFTOVERS_REMOVED:
                return messages.get("startup.recovered.leftoversRemoved", Integer.parseInt(note.subject()));
            default:
                return messages.get("startup.recovered.failed", note.subject());
        }
    }

    /** The recovery key made because the one made when encryption was turned on was never shown; selectable, shown once. */
    private void showNewRecoveryKey(String recoveryKey) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.setTitle(messages.get("app.title"));
        alert.setHeaderText(messages.get("startup.newRecoveryKey.header"));
        TextField key = new TextField(recoveryKey);
        key.setId("newRecoveryKeyField");
        key.setEditable(false);
        Label why = new Label(messages.get("startup.newRecoveryKey.body"));
        why.setWrapText(true);
        VBox box = new VBox(10, why, key);
        box.setPrefWidth(520);
        alert.getDialogPane().setContent(box);
        alert.showAndWait();
    }

    private void quit() {
        opener.close();
        Platform.exit();
    }

    private String header(StoreException.Problem problem) {
        switch (problem) {
            case ALREADY_OPEN:
                return messages.get("startup.refused.alreadyOpen");
            case LOST_CHANGES:
                return messages.get("startup.refused.lostChanges");
            case DAMAGED:
                return messages.get("startup.refused.damaged");
            case OLDER_FORMAT:
                return messages.get("startup.refused.olderFormat");
            case FOLDER_NOT_WRITABLE:
            case READ_ONLY:
            case PERMISSION_DENIED:
                return messages.get("startup.refused.notWritable");
            case DISK_FULL:
            case CLOSED_AFTER_FAILURE:
                return messages.get("startup.refused.diskFull");
            default:
                return messages.get("startup.refused.other");
        }
    }

    private Optional<Credentials> unlockDialog(String error) {
        Dialog<Credentials> dialog = new Dialog<>();
        dialog.setTitle(messages.get("app.title"));
        dialog.setHeaderText(messages.get("startup.unlock.header", opener.home().dir()));
        PasswordField passphrase = new PasswordField();
        passphrase.setId("passphraseField");
        passphrase.setPromptText(messages.get("startup.unlock.passphrase"));
        CheckBox useRecovery = new CheckBox(messages.get("startup.unlock.useRecoveryKey"));
        TextField recovery = new TextField();
        recovery.setId("recoveryKeyField");
        recovery.setPromptText(messages.get("startup.unlock.recoveryKeyPrompt"));
        recovery.visibleProperty().bind(useRecovery.selectedProperty());
        recovery.managedProperty().bind(useRecovery.selectedProperty());
        passphrase.disableProperty().bind(useRecovery.selectedProperty());
        Label problem = new Label(error == null ? "" : error);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setVisible(error != null);
        problem.setManaged(error != null);
        VBox box = new VBox(10, new Label(messages.get("startup.unlock.passphrase")), passphrase, useRecovery, recovery, problem);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.setPrefWidth(480);
        dialog.getDialogPane().setContent(box);
        ButtonType unlock = new ButtonType(messages.get("startup.unlock.button"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(unlock, ButtonType.CANCEL);
        dialog.setResultConverter(b -> {
            if (b != unlock) {
                return null;
            }
            if (useRecovery.isSelected()) {
                return Credentials.recoveryKey(recovery.getText().toCharArray());
            }
            char[] chars = passphrase.getText().toCharArray();
            passphrase.clear();
            return Credentials.passphrase(chars);
        });
        Platform.runLater(passphrase::requestFocus);
        return dialog.showAndWait();
    }

    /** Runs {@code call} (and wiring the app, when it opens the store) in the background, then shows where it got. */
    private void inBackground(String what, Supplier<Outcome> call) {
        Stage progress = new Stage(StageStyle.UTILITY);
        progress.setTitle(messages.get("app.title"));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        HBox row = new HBox(12, spinner, new Label(what));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(20));
        progress.setScene(new Scene(row));
        progress.show();
        Task<Step> task = new Task<>() {
            @Override
            protected Step call() {
                return attempt(opener, clock, call);
            }
        };
        task.setOnSucceeded(e -> {
            progress.close();
            show(task.getValue());
        });
        task.setOnFailed(e -> {
            progress.close();
            failed(task.getException());
        });
        Thread t = new Thread(task, "crisis-console-startup");
        t.setDaemon(true);
        t.start();
    }
}
