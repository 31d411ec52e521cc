package io.crisisconsole.inbox.ui;

import io.crisisconsole.inbox.ImportResult;
import io.crisisconsole.inbox.InboxService;
import io.crisisconsole.inbox.MentionColumnMapping;
import io.crisisconsole.inbox.MentionFilePreview;
import io.crisisconsole.inbox.MentionFileReader;
import io.crisisconsole.inbox.MentionReadResult;
import io.crisisconsole.inbox.SavedMapping;
import io.crisisconsole.toolkit.Formats;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.FilePicker;
import io.crisisconsole.toolkit.ui.FxmlView;
import io.crisisconsole.toolkit.ui.Notifier;
import io.crisisconsole.toolkit.ui.ProblemList;
import io.crisisconsole.toolkit.ui.ViewLoader;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importing an export of a social-listening tool into a case's inbox: choose the file, check the
 * guessed mapping on its first rows, read it with progress (cancellable), choose what to do with rows
 * that have problems, store it in one transaction. The same steps as {@code mentions import} of the
 * CLI: {@link MentionFileReader#preview}, the mapping saved for the header, {@link MentionFileReader#read},
 * {@link InboxService#importRows}, {@link InboxService#saveMapping}.
 *
 * <p>The file is previewed and read on a thread of its own (not the store's task runner, which
 * stays free for the window); only the lookup of the saved mapping and the import itself run on
 * the task runner.
 */
public final class MentionImportDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(MentionImportDialogs.class);

    private final ViewLoader views;
    private final FilePicker files;
    private final InboxService inbox;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Formats formats;
    private final Supplier<String> author;

    /** What the person chose in the preview dialog. */
    private record Choice(MentionFilePreview preview, MentionColumnMapping mapping, ZoneId zone, String saveAs) {
    }

    /**
     * @param author who imports (the timeline entry names them)
     */
    public MentionImportDialogs(ViewLoader views, FilePicker files, InboxService inbox, TaskRunner tasks,
            Notifier notifier, Messages messages, Formats formats, Supplier<String> author) {
        this.views = views;
        this.files = files;
        this.inbox = inbox;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.formats = formats;
        this.author = author;
    }

    /**
     * Runs the whole import from the FX thread; never blocks it.
     *
     * @param imported called on the FX thread after mentions were stored
     */
    public void importInto(Window owner, long caseId, Consumer<ImportResult> imported) {
        Optional<Path> chosen = files.open(owner, messages.get("inbox.import.chooser.title"),
                messages.get("inbox.import.chooser.filter"), "*.csv", "*.tsv", "*.txt", "*.xlsx");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        String name = file.getFileName().toString();
        ZoneId zone = formats.zone();
        notifier.info(messages.get("inbox.import.notice.previewing", name));
        Task<MentionFilePreview> preview = task(() -> MentionFileReader.preview(file, zone));
        preview.setOnSucceeded(e -> {
            MentionFilePreview p = preview.getValue();
            if (p.headerLine() <= 0) {
                refused(owner, name, p.problems());
                return;
            }
            tasks.run(messages.get("inbox.import.task.mapping"),
                    () -> inbox.mappingFor(p.mapping().headerSignature()),
                    saved -> choose(owner, file, p, saved, zone).ifPresentOrElse(
                            c -> read(owner, caseId, file, c, imported), notifier::clear),
                    t -> notifier.failed(messages.get("inbox.import.failed.mapping", name), t));
        });
        preview.setOnFailed(e -> notifier.failed(messages.get("inbox.import.failed.read", name), preview.getException()));
        start(preview, "crisis-console-mention-preview");
    }

    // ------------------------------------------------------------------ 2. the preview dialog

    private Optional<Choice> choose(Window owner, Path file, MentionFilePreview preview, Optional<SavedMapping> saved,
            ZoneId zone) {
        MentionColumnMapping start = preview.mapping();
        String savedName = null;
        String savedProblem = null;
        if (saved.isPresent()) {
            try {
                start = MentionColumnMapping.fromJson(saved.get().mappingJson());
                savedName = saved.get().name();
            } catch (IllegalArgumentException damaged) {
                savedProblem = damaged.getMessage();
            }
        }
        ViewLoader.Loaded<DialogPane> loaded = views.load(FxmlView.INBOX_IMPORT);
        MentionImportController pane = loaded.controller(MentionImportController.class);
        pane.show(preview, start, savedName, savedProblem, zone);
        notifier.clear(); // the preview is read: the dialog says the rest
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setDialogPane(loaded.root());
        dialog.setTitle(messages.get("inbox.import.title"));
        dialog.setHeaderText(messages.get("inbox.import.header", file.getFileName().toString()));
        dialog.setResizable(true);
        pane.bindImportButton(loaded.root());
        dialog.setResultConverter(b -> b == pane.importType() && pane.importableProperty().get()
                ? new Choice(pane.preview(), pane.mapping(), pane.zone(), pane.saveAs()) : null);
        return dialog.showAndWait();
    }

    // ------------------------------------------------------------------ 3. reading, with progress

    private void read(Window owner, long caseId, Path file, Choice choice, Consumer<ImportResult> imported) {
        String name = file.getFileName().toString();
        AtomicBoolean cancelled = new AtomicBoolean();
        Task<MentionReadResult> reading = new Task<>() {
            @Override
            protected MentionReadResult call() {
                // Task coalesces the updates: at most one pending hand-over to the FX thread at a time
                return MentionFileReader.read(file, choice.preview(), choice.mapping(), choice.zone(),
                        (done, total) -> updateProgress(done, total < 0 ? -1 : Math.max(done, total)),
                        cancelled::get);
            }
        };
        Dialog<ButtonType> progress = progressDialog(owner, name, reading);
        progress.setOnHidden(e -> {
            // the task's state, not FutureTask.isDone(): Task posts SUCCEEDED to the FX thread before
            // its FutureTask is marked done, so the handler that closes this dialog can run first
            if (reading.isRunning()) {
                cancelled.set(true); // Cancel, or the window's close box
                notifier.info(messages.get("inbox.import.notice.cancelling", name));
            }
        });
        reading.setOnSucceeded(e -> {
            progress.close();
            notifier.clear(); // read: what comes next says the rest
            MentionReadResult r = reading.getValue();
            if (r.cancelled() || cancelled.get()) {
                notifier.info(messages.get("inbox.import.notice.cancelled", name));
                return;
            }
            if (r.refused()) {
                refused(owner, name, r.problems());
                return;
            }
            boolean goodRowsOnly = false;
            if (r.problemCount() > 0) {
                if (!goodRowsWanted(owner, name, r)) {
                    notifier.info(messages.get("inbox.import.notice.nothing", Map.of("name", name,
                            "count", r.problemCount())));
                    return;
                }
                goodRowsOnly = true;
            }
            store(caseId, name, r, goodRowsOnly, choice, imported);
        });
        reading.setOnFailed(e -> {
            progress.close();
            notifier.failed(messages.get("inbox.import.failed.read", name), reading.getException());
        });
        notifier.info(messages.get("inbox.import.notice.reading", name));
        progress.show();
        start(reading, "crisis-console-mention-read");
    }

    private Dialog<ButtonType> progressDialog(Window owner, String name, Task<?> reading) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE); // the window keeps working while a large file is read
        dialog.setTitle(messages.get("inbox.import.progress.title"));
        dialog.setHeaderText(messages.get("inbox.import.progress.header", name));
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgress");
        bar.setPrefWidth(420);
        bar.progressProperty().bind(reading.progressProperty());
        Label hint = new Label(messages.get("inbox.import.progress.hint"));
        hint.setWrapText(true);
        VBox box = new VBox(10, bar, hint);
        box.setPadding(new Insets(8, 4, 4, 4));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancelImportButton");
        return dialog;
    }

    // ------------------------------------------------------------------ 4. problems, then the store

    /** Lists the problems and asks; true to import the good rows, false (the default) to import nothing. */
    private boolean goodRowsWanted(Window owner, String name, MentionReadResult r) {
        ButtonType good = new ButtonType(messages.get("inbox.import.problems.good", Map.of("count", r.goodRows())),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType nothing = new ButtonType(messages.get("inbox.import.problems.nothing"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", good, nothing);
        alert.initOwner(owner);
        alert.setTitle(messages.get("inbox.import.problems.title"));
        alert.setHeaderText(messages.get("inbox.import.problems.header", Map.of("name", name, "count", r.problemCount(),
                "good", r.goodRows())));
        alert.getDialogPane().setContent(problemList(r.problems(), r.problemCount()));
        alert.setResizable(true);
        Button goodButton = (Button) alert.getDialogPane().lookupButton(good);
        goodButton.setId("importGoodRowsButton");
        goodButton.setDefaultButton(false);
        goodButton.setDisable(r.goodRows() == 0);
        Button nothingButton = (Button) alert.getDialogPane().lookupButton(nothing);
        nothingButton.setId("importNothingButton");
        nothingButton.setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == good).isPresent();
    }

    private void store(long caseId, String name, MentionReadResult r, boolean goodRowsOnly, Choice choice,
            Consumer<ImportResult> imported) {
        String by = author.get();
        tasks.run(messages.get("inbox.import.task.store", name),
                () -> inbox.importRows(caseId, name, r.mentions(), r.problemCount(), goodRowsOnly, by),
                result -> {
                    notifier.info(messages.get("inbox.import.notice.imported", Map.of("name", name,
                            "imported", result.imported(), "duplicates", result.duplicates(),
                            "problems", result.problems(), "responses", result.responses())));
                    if (choice.saveAs() != null) {
                        saveMapping(choice);
                    }
                    imported.accept(result);
                },
                t -> notifier.failed(messages.get("inbox.import.failed.store", name), t));
    }

    private void saveMapping(Choice choice) {
        MentionColumnMapping m = choice.mapping();
        tasks.run(messages.get("inbox.import.task.saveMapping"),
                () -> inbox.saveMapping(m.headerSignature(), choice.saveAs(), m.toJson()),
                saved -> LOG.info("Saved the mention mapping '{}'", saved.name()),
                t -> notifier.failed(messages.get("inbox.import.failed.saveMapping", choice.saveAs()), t));
    }

    // ------------------------------------------------------------------ 5. a file that cannot be read

    /** The reader's sentences (they name the file and the problem); nothing was stored. */
    private void refused(Window owner, String name, List<String> problems) {
        notifier.error(messages.get("inbox.import.notice.refused", problems.isEmpty() ? name : problems.get(0)));
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(messages.get("inbox.import.refused.title"));
        alert.setHeaderText(messages.get("inbox.import.refused.header", name));
        alert.getDialogPane().setContent(problemList(problems, problems.size()));
        alert.setResizable(true);
        alert.showAndWait();
    }

    /**
     * The problems one a line, selectable for copying: the first {@value MentionFileReader#MAX_PROBLEMS},
     * then how many more there are.
     */
    private TextArea problemList(List<String> problems, long count) {
        List<String> lines = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MentionFileReader.MAX_PROBLEMS)));
        if (count > lines.size()) {
            lines.add(messages.get("inbox.import.problems.more", Map.of("count", count - lines.size())));
        }
        return ProblemList.of("importProblems", lines, 80, 16);
    }

    private static <T> Task<T> task(Callable<T> work) {
        return new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
    }

    private static void start(Task<?> task, String threadName) {
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        t.start();
    }
}
