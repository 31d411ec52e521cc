package io.crisisconsole.playbooks.ui;

import io.crisisconsole.playbooks.DiffLine;
import io.crisisconsole.playbooks.Playbook;
import io.crisisconsole.playbooks.PlaybookInvalidException;
import io.crisisconsole.playbooks.PlaybookProblem;
import io.crisisconsole.playbooks.PlaybookReader;
import io.crisisconsole.playbooks.PlaybookService;
import io.crisisconsole.playbooks.PlaybookVersion;
import io.crisisconsole.playbooks.PlaybookWriter;
import io.crisisconsole.playbooks.StoredPlaybook;
import io.crisisconsole.toolkit.AtomicFiles;
import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.TaskRunner;
import io.crisisconsole.toolkit.ui.EditorAutosave;
import io.crisisconsole.toolkit.ui.Notifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The playbooks area: the list, the playbook being edited (its YAML is the source of truth; the
 * form writes into it and is refreshed from it), live validation, versions and their diffs.
 */
public final class PlaybooksViewModel {

    private final PlaybookService service;
    private final TaskRunner tasks;
    private final Notifier notifier;
    private final Messages messages;
    private final Supplier<String> author;
    private final EditorAutosave autosave;
    private final PlaybookReader reader = new PlaybookReader();

    private final ObservableList<StoredPlaybook> playbooks = FXCollections.observableArrayList();
    private final ObjectProperty<StoredPlaybook> open = new SimpleObjectProperty<>();
    private final StringProperty yaml = new SimpleStringProperty("");
    private final ObservableList<PlaybookProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Playbook> forForm = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    /** The last form edit could not be written in place: the whole YAML was written anew (comments lost). */
    private final BooleanProperty rewritten = new SimpleBooleanProperty(false);
    /** Above the diff: what it shows when it is not a saved version's change ("" for one). */
    private final StringProperty diffNote = new SimpleStringProperty("");
    private final IntegerProperty baseVersion = new SimpleIntegerProperty(0);
    private final ObservableList<PlaybookVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ObservableList<StoredPlaybook> readOnlyPlaybooks = FXCollections.unmodifiableObservableList(playbooks);
    private final ObservableList<PlaybookProblem> readOnlyProblems = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<PlaybookVersion> readOnlyVersions = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<DiffLine> readOnlyDiff = FXCollections.unmodifiableObservableList(diff);
    private String savedYaml = "";
    private EditorAutosave.Session draft;

    public PlaybooksViewModel(PlaybookService service, TaskRunner tasks, Notifier notifier, Messages messages,
            Supplier<String> author, EditorAutosave autosave) {
        this.service = service;
        this.tasks = tasks;
        this.notifier = notifier;
        this.messages = messages;
        this.author = author;
        this.autosave = autosave;
    }

    public void reload() {
        tasks.run(messages.get("playbooks.list.task.load"), service::list, list -> {
            playbooks.setAll(list);
            StoredPlaybook current = open.get();
            if (current != null) {
                list.stream().filter(p -> p.id() == current.id()).findFirst().ifPresent(open::set);
            }
        }, t -> notifier.failed(messages.get("playbooks.list.failed.load"), t));
    }

    /** Opens a playbook's current version in the editor (an unsaved draft of it comes back). */
    public void open(StoredPlaybook p) {
        if (draft != null) {
            draft.leave();
            draft = null;
        }
        open.set(p);
        versions.clear();
        diff.clear();
        diffNote.set("");
        rewritten.set(false);
        if (p == null) {
            return;
        }
        long id = p.id();
        tasks.run(messages.get("playbooks.editor.task.open"), () -> service.current(id), v -> {
            if (open.get() == null || open.get().id() != id) {
                return;
            }
            savedYaml = v.yaml();
            baseVersion.set(v.version());
            showYaml(v.yaml(), true);
            draft = autosave.open("playbook:" + id, null, yaml::get, text -> showYaml(text, true), yaml);
            loadVersions(id);
        }, t -> notifier.failed(messages.get("playbooks.editor.failed.open"), t));
    }

    private void loadVersions(long id) {
        tasks.run(messages.get("playbooks.history.task.load"), () -> service.versions(id), list -> {
            if (open.get() != null && open.get().id() == id) {
                versions.setAll(list);
            }
        }, t -> notifier.failed(messages.get("playbooks.history.failed.load"), t));
    }

    /** The YAML editor changed: validate it, and refresh the form when it is valid. */
    public void yamlEdited(String text) {
        showYaml(text, true);
    }

    /** The form changed: write it into the YAML (the form is the source of this change). */
    public void formEdited(Playbook p) {
        String name = open.get() == null ? "playbook.yaml" : open.get().key() + "." + open.get().language() + ".yaml";
        Playbook before = reader.read(name, yaml.get()).playbook();
        PlaybookWriter.Edited edited = PlaybookWriter.edit(yaml.get(), before, p);
        showYaml(edited.yaml(), false);
        rewritten.set(!edited.inPlace());
        showUnsavedDiff();
        diffNote.set(edited.inPlace() ? messages.get("playbooks.history.unsaved", baseVersion.get())
                : messages.get("playbooks.history.rewritten"));
    }

    /** The diff pane shows what the editor holds against the saved version (what saving would store). */
    private void showUnsavedDiff() {
        diff.setAll(withContext(PlaybookService.diffLines(savedYaml, yaml.get()), 3));
    }

    private void showYaml(String text, boolean refreshForm) {
        yaml.set(text);
        dirty.set(!Objects.equals(text, savedYaml));
        String name = open.get() == null ? "playbook.yaml" : open.get().key() + "." + open.get().language() + ".yaml";
        PlaybookReader.Parsed parsed = reader.read(name, text);
        problems.setAll(parsed.problems());
        if (refreshForm && parsed.playbook() != null) {
            forForm.set(parsed.playbook());
        }
    }

    /** Saves the editor's YAML as a new version. */
    public void save(String note) {
        StoredPlaybook p = open.get();
        if (p == null || !dirty.get()) {
            return;
        }
        if (!problems.isEmpty()) {
            notifier.error(messages.get("playbooks.editor.notice.invalid", Map.of("count", problems.size())));
            return;
        }
        String text = yaml.get();
        int base = baseVersion.get();
        tasks.run(messages.get("playbooks.editor.task.save"), () -> service.saveVersion(p.id(), base, text, author.get(), note), saved -> {
            savedYaml = text;
            baseVersion.set(saved.currentVersion());
            dirty.set(false);
            if (draft != null) {
                draft.finish();
            }
            draft = autosave.open("playbook:" + saved.id(), null, yaml::get, t -> showYaml(t, true), yaml);
            open.set(saved);
            notifier.info(messages.get("playbooks.editor.notice.saved", saved.title(), saved.currentVersion()));
            reload();
            loadVersions(saved.id());
        }, t -> notifier.failed(messages.get("playbooks.editor.failed.save"), t));
    }

    /** Throws away unsaved edits and shows the saved version again. */
    public void revert() {
        if (draft != null) {
            draft.finish();
        }
        StoredPlaybook p = open.get();
        draft = null;
        open(p);
    }

    /** Shows what changed from {@code from} to {@code to} (0 = nothing, for the first version). */
    public void showDiff(int from, int to) {
        StoredPlaybook p = open.get();
        if (p == null) {
            return;
        }
        diffNote.set("");
        tasks.run(messages.get("playbooks.history.task.diff"), () -> withContext(service.diff(p.id(), from, to), 3), diff::setAll,
                t -> notifier.failed(messages.get("playbooks.history.failed.diff"), t));
    }

    /**
     * Keeps changed lines and {@code context} unchanged lines around them; longer unchanged runs
     * become one "…" line, so a one-line change in a long playbook reads as a short list.
     */
    public static List<DiffLine> withContext(List<DiffLine> all, int context) {
        List<DiffLine> out = new java.util.ArrayList<>();
        int n = all.size();
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (all.get(i).kind() != DiffLine.Kind.SAME) {
                for (int j = Math.max(0, i - context); j <= Math.min(n - 1, i + context); j++) {
                    keep[j] = true;
                }
            }
        }
        boolean skipped = false;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(all.get(i));
                skipped = false;
            } else if (!skipped) {
                out.add(new DiffLine(DiffLine.Kind.SAME, null, null, "\u22ef"));
                skipped = true;
            }
        }
        return out;
    }

    /** Imports a YAML file as a new playbook or a new version of the one with its id and language. */
    public void importFile(Path file, Consumer<List<PlaybookProblem>> onInvalid) {
        tasks.run(messages.get("playbooks.import.task", file.getFileName().toString()), () -> {
            // read once, strictly; importYaml checks it and throws PlaybookInvalidException
            return service.importYaml(file.getFileName().toString(), PlaybookReader.text(file), author.get());
        }, imported -> {
            notifier.info(messages.get("playbooks.import.notice.imported", imported.title(),
                    imported.key(), imported.language(), imported.currentVersion()));
            reload();
        }, t -> {
            if (t instanceof PlaybookInvalidException invalid) {
                notifier.error(messages.get("playbooks.import.notice.invalid", Map.of("file", file.getFileName().toString(),
                        "count", invalid.problems().size())));
                onInvalid.accept(invalid.problems());
            } else {
                notifier.failed(messages.get("playbooks.import.failed"), t);
            }
        });
    }

    /** Writes the saved current version of the open playbook to {@code file}. */
    public void exportTo(Path file) {
        StoredPlaybook p = open.get();
        if (p == null) {
            return;
        }
        tasks.run(messages.get("playbooks.export.task"), () -> {
            String text = service.current(p.id()).yaml();
            AtomicFiles.write(file, text);
            return file;
        }, f -> notifier.info(messages.get("playbooks.export.notice.exported", f.toString())),
                t -> notifier.failed(messages.get("playbooks.export.failed"), t));
    }

    /** Every playbook in the store (read-only). */
    public ObservableList<StoredPlaybook> playbooks() {
        return readOnlyPlaybooks;
    }

    public ObjectProperty<StoredPlaybook> openProperty() {
        return open;
    }

    public StringProperty yamlProperty() {
        return yaml;
    }

    /** The problems of the YAML in the editor (read-only). */
    public ObservableList<PlaybookProblem> problems() {
        return readOnlyProblems;
    }

    public ObjectProperty<Playbook> forFormProperty() {
        return forForm;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    /** True when the last form edit rewrote the whole YAML (it could not be made in place); the diff pane says so. */
    public javafx.beans.property.ReadOnlyBooleanProperty rewrittenProperty() {
        return rewritten;
    }

    /** What the diff pane shows when it is not a saved version's change (unsaved, or rewritten as a whole); "" else. */
    public javafx.beans.property.ReadOnlyStringProperty diffNoteProperty() {
        return diffNote;
    }

    /** The saved versions of the open playbook (read-only). */
    public ObservableList<PlaybookVersion> versions() {
        return readOnlyVersions;
    }

    /** What changed between the two versions last compared (read-only). */
    public ObservableList<DiffLine> diff() {
        return readOnlyDiff;
    }
}
