package io.crisisconsole.app;

import io.crisisconsole.store.Backups;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.store.Encryption;
import io.crisisconsole.store.StoreException;
import io.crisisconsole.store.crypto.MasterKey;
import io.crisisconsole.toolkit.TimeText;
import io.crisisconsole.toolkit.ui.Notifier;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
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
 * Gets from "the app starts" to "the store is open", asking the person where needed: the
 * passphrase of an encrypted store, and what to do with a store that is damaged or lost its newest
 * changes (restore the newest backup, open it as it is, or quit). Slow steps (key derivation,
 * restore, opening) run in the background with a progress window.
 */
final class Startup {

    private final DataHome home;
    private final Clock clock;
    private final Consumer<AppContext> onReady;
    private MasterKey key;

    Startup(DataHome home, Clock clock, Consumer<AppContext> onReady) {
        this.home = home;
        this.clock = clock;
        this.onReady = onReady;
    }

    /** Starts from what {@code init()} found: an open context, a problem, or a store that needs unlocking. */
    void begin(AppContext opened, StoreException problem, boolean needsPassphrase) {
        if (opened != null) {
            onReady.accept(opened);
        } else if (needsPassphrase) {
            askPassphrase(null);
        } else {
            handle(problem);
        }
    }

    private void askPassphrase(String error) {
        Optional<Unlock> unlock = unlockDialog(error);
        if (unlock.isEmpty()) {
            Platform.exit();
            return;
        }
        inBackground("Unlocking the store\u2026", () -> {
            MasterKey k = unlock.get().recoveryKey() != null
                    ? Encryption.unlockWithRecoveryKey(home, unlock.get().recoveryKey())
                    : Encryption.unlock(home, unlock.get().passphrase());
            unlock.get().clear();
            key = k;
            return AppContext.open(home, k, false, clock);
        }, onReady, this::failed);
    }

    private void failed(Throwable t) {
        if (t instanceof StoreException e) {
            if (e.problem() == StoreException.Problem.WRONG_PASSPHRASE) {
                askPassphrase(e.getMessage());
            } else {
                handle(e);
            }
        } else {
            handle(new StoreException(StoreException.Problem.OTHER, Notifier.describe(t), t));
        }
    }

    private void handle(StoreException problem) {
        boolean canRestore = problem.problem() == StoreException.Problem.LOST_CHANGES
                || problem.problem() == StoreException.Problem.DAMAGED;
        Optional<Backups.Backup> newest = canRestore ? new Backups(home).newest() : Optional.empty();
        ButtonType restore = new ButtonType("Restore backup", ButtonBar.ButtonData.OK_DONE);
        ButtonType asIs = new ButtonType("Open it as it is", ButtonBar.ButtonData.OTHER);
        ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.setTitle(MainWindow.TITLE);
        alert.setHeaderText(header(problem.problem()));
        alert.setContentText(problem.getMessage());
        alert.getButtonTypes().setAll(quit);
        if (newest.isPresent()) {
            alert.getButtonTypes().add(0, restore);
        }
        if (problem.problem() == StoreException.Problem.LOST_CHANGES) {
            alert.getButtonTypes().add(asIs);
        }
        alert.getDialogPane().setPrefWidth(680);
        ButtonType choice = alert.showAndWait().orElse(quit);
        if (choice == restore) {
            Backups.Backup b = newest.get();
            inBackground("Restoring the backup from " + b.manifest().createdAt() + "\u2026", () -> {
                char[] pw = key == null ? null : key.h2FilePassword();
                Backups.Restored restored;
                try {
                    restored = Backups.restore(home, b.file(), pw);
                } finally {
                    if (pw != null) {
                        Arrays.fill(pw, '\0');
                    }
                }
                AppContext ctx = AppContext.open(home, key, false, clock);
                Platform.runLater(() -> ctx.notifier().info("Restored the backup from "
                        + TimeText.dayClock(b.manifest().createdAt(), java.time.ZoneId.systemDefault())
                        + (restored.previousStore() == null ? "" : "; the previous store is kept as "
                                + restored.previousStore().getFileName())));
                return ctx;
            }, onReady, this::failed);
        } else if (choice == asIs) {
            inBackground("Opening the store\u2026", () -> AppContext.open(home, key, true, clock), onReady,
                    this::failed);
        } else {
            Platform.exit();
        }
    }

    static String header(StoreException.Problem problem) {
        switch (problem) {
            case ALREADY_OPEN:
                return "Crisis Console is already open";
            case LOST_CHANGES:
                return "The store is missing its newest changes";
            case DAMAGED:
                return "The store is damaged";
            case OLDER_FORMAT:
                return "The store is in an older format";
            case FOLDER_NOT_WRITABLE:
                return "The data folder cannot be written";
            default:
                return "The store cannot be opened";
        }
    }

    private record Unlock(char[] passphrase, String recoveryKey) {
        void clear() {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private Optional<Unlock> unlockDialog(String error) {
        Dialog<Unlock> dialog = new Dialog<>();
        dialog.setTitle(MainWindow.TITLE);
        dialog.setHeaderText("The store in " + home.dir() + " is encrypted");
        PasswordField passphrase = new PasswordField();
        passphrase.setId("passphraseField");
        passphrase.setPromptText("Passphrase");
        CheckBox useRecovery = new CheckBox("I lost the passphrase: use the recovery key");
        TextField recovery = new TextField();
        recovery.setId("recoveryKeyField");
        recovery.setPromptText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
        recovery.visibleProperty().bind(useRecovery.selectedProperty());
        recovery.managedProperty().bind(useRecovery.selectedProperty());
        passphrase.disableProperty().bind(useRecovery.selectedProperty());
        Label problem = new Label(error == null ? "" : error);
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        problem.setVisible(error != null);
        problem.setManaged(error != null);
        VBox box = new VBox(10, new Label("Passphrase"), passphrase, useRecovery, recovery, problem);
        box.setPadding(new Insets(8, 4, 4, 4));
        box.setPrefWidth(480);
        dialog.getDialogPane().setContent(box);
        ButtonType unlock = new ButtonType("Unlock", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(unlock, ButtonType.CANCEL);
        dialog.setResultConverter(b -> {
            if (b != unlock) {
                return null;
            }
            if (useRecovery.isSelected()) {
                return new Unlock(null, recovery.getText());
            }
            char[] chars = passphrase.getText().toCharArray();
            passphrase.clear();
            return new Unlock(chars, null);
        });
        Platform.runLater(passphrase::requestFocus);
        return dialog.showAndWait();
    }

    private <T> void inBackground(String what, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Stage progress = new Stage(StageStyle.UTILITY);
        progress.setTitle(MainWindow.TITLE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(28, 28);
        HBox row = new HBox(12, spinner, new Label(what));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(20));
        progress.setScene(new Scene(row));
        progress.show();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            progress.close();
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            progress.close();
            failed.accept(task.getException());
        });
        Thread t = new Thread(task, "crisis-console-startup");
        t.setDaemon(true);
        t.start();
    }
}
