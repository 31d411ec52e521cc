package io.crisisconsole.composer.ui;

import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftPublication;
import io.crisisconsole.composer.DraftService;
import io.crisisconsole.composer.DraftVersion;
import io.crisisconsole.playbooks.Stage;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The drafts of a case (newest first) and the one shown, with what its newest saved version holds
 * (the editor differs from it when there are unsaved changes), its versions and its publications.
 * The lists are handed out read-only.
 */
final class DraftSelection {

    private final ObservableList<Draft> drafts = FXCollections.observableArrayList();
    private final ObservableList<Draft> readOnlyDrafts = FXCollections.unmodifiableObservableList(drafts);
    private final ObjectProperty<Draft> shown = new SimpleObjectProperty<>();
    private final ObservableList<DraftVersion> versions = FXCollections.observableArrayList();
    private final ObservableList<DraftVersion> readOnlyVersions = FXCollections.unmodifiableObservableList(versions);
    private final ObservableList<DraftPublication> publications = FXCollections.observableArrayList();
    private final ObservableList<DraftPublication> readOnlyPublications =
            FXCollections.unmodifiableObservableList(publications);
    private DraftContent saved;
    private Stage savedStage;

    /** A draft as read from the store: the row, the content of its newest version, its versions and publications. */
    record Opened(Draft draft, DraftContent content, List<DraftVersion> versions, List<DraftPublication> publications) {

        /** Reads draft {@code id} (on the store thread). */
        static Opened read(DraftService drafts, long id) {
            return new Opened(drafts.get(id), drafts.content(id), drafts.versions(id), drafts.publications(id));
        }
    }

    /** The case's drafts as loaded. */
    void setAll(List<Draft> list) {
        drafts.setAll(list);
    }

    /** A draft just started: first in the list. */
    void addFirst(Draft d) {
        drafts.add(0, d);
    }

    /** {@code o} is shown now, saved with stage {@code stage}. */
    void show(Opened o, Stage stage) {
        replace(o.draft()); // first: replacing the list item clears a combo box's value, shown.set puts it back
        shown.set(o.draft());
        saved = o.content();
        savedStage = stage;
        versions.setAll(o.versions());
        publications.setAll(o.publications());
    }

    /** Nothing is shown (between leaving one draft and showing the next). */
    void clear() {
        shown.set(null);
    }

    /** Puts the newer row of a draft into the list, where the older one was. */
    void replace(Draft d) {
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).id() == d.id()) {
                if (!drafts.get(i).equals(d)) {
                    drafts.set(i, d);
                }
                return;
            }
        }
    }

    boolean isShown(Draft d) {
        return shown.get() != null && shown.get().id() == d.id();
    }

    Draft shown() {
        return shown.get();
    }

    /** Whether {@code stage} and {@code content} are what the shown draft's newest saved version holds. */
    boolean isSaved(Stage stage, DraftContent content) {
        return content.equals(saved) && stage == savedStage;
    }

    /** A draft is shown and the editor ({@code stage}, {@code content}) differs from its newest saved version. */
    boolean hasUnsavedChanges(Stage stage, DraftContent content) {
        return shown.get() != null && saved != null && !isSaved(stage, content);
    }

    ObservableList<Draft> drafts() {
        return readOnlyDrafts;
    }

    ReadOnlyObjectProperty<Draft> shownProperty() {
        return shown;
    }

    ObservableList<DraftVersion> versions() {
        return readOnlyVersions;
    }

    ObservableList<DraftPublication> publications() {
        return readOnlyPublications;
    }
}
