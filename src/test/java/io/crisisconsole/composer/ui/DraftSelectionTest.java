package io.crisisconsole.composer.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crisisconsole.composer.Draft;
import io.crisisconsole.composer.DraftContent;
import io.crisisconsole.composer.DraftStatus;
import io.crisisconsole.playbooks.Channel;
import io.crisisconsole.playbooks.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drafts of a case and the one shown, with its saved baseline. */
class DraftSelectionTest {

    final DraftSelection selection = new DraftSelection();

    static Draft draft(long id, String title, DraftStatus status, int currentVersion) {
        return new Draft(id, 1, title, status, Stage.INVESTIGATING, null, null, null, currentVersion, Instant.EPOCH,
                Instant.EPOCH, currentVersion);
    }

    static DraftSelection.Opened opened(Draft d, DraftContent c) {
        return new DraftSelection.Opened(d, c, List.of(), List.of());
    }

    @Test
    void showingADraftPutsItsNewerRowInTheListWhereTheOlderOneWas() {
        Draft a = draft(1, "A", DraftStatus.DRAFT, 1);
        Draft b = draft(2, "B", DraftStatus.DRAFT, 1);
        selection.setAll(List.of(b, a));
        List<String> events = new ArrayList<>();
        selection.drafts().addListener((javafx.collections.ListChangeListener<Draft>) ch -> events.add("list"));
        selection.shownProperty().addListener((o, x, y) -> events.add("shown"));

        Draft newer = draft(1, "A", DraftStatus.IN_REVIEW, 2);
        selection.show(opened(newer, DraftContent.empty()), Stage.INVESTIGATING);

        assertThat(selection.drafts()).containsExactly(b, newer);
        assertThat(selection.shown()).isEqualTo(newer);
        assertThat(selection.isShown(a)).as("the same draft, by id").isTrue();
        assertThat(selection.isShown(b)).isFalse();
        assertThat(events).as("the list first, so that a combo box gets its value back").containsExactly("list", "shown");
    }

    @Test
    void unsavedChangesAreWhatDiffersFromTheShownDraftsNewestVersion() {
        DraftContent saved = DraftContent.empty().withText(Channel.X, "saved");
        assertThat(selection.hasUnsavedChanges(Stage.INVESTIGATING, saved)).as("nothing shown").isFalse();

        selection.show(opened(draft(1, "A", DraftStatus.DRAFT, 1), saved), Stage.INVESTIGATING);

        assertThat(selection.hasUnsavedChanges(Stage.INVESTIGATING, saved)).isFalse();
        assertThat(selection.isSaved(Stage.INVESTIGATING, saved)).isTrue();
        assertThat(selection.hasUnsavedChanges(Stage.RESOLVED, saved)).as("the stage counts").isTrue();
        assertThat(selection.hasUnsavedChanges(Stage.INVESTIGATING, saved.withText(Channel.X, "edited"))).isTrue();

        selection.clear();
        assertThat(selection.shown()).isNull();
        assertThat(selection.hasUnsavedChanges(Stage.RESOLVED, saved)).isFalse();
    }

    @Test
    void aNewDraftGoesFirstAndAnUnknownOneIsNotAdded() {
        Draft a = draft(1, "A", DraftStatus.DRAFT, 1);
        selection.setAll(List.of(a));
        Draft b = draft(2, "B", DraftStatus.DRAFT, 1);
        selection.replace(b);
        assertThat(selection.drafts()).containsExactly(a);
        selection.addFirst(b);
        assertThat(selection.drafts()).containsExactly(b, a);
    }

    @Test
    void theListsAreReadOnly() {
        assertThatThrownBy(() -> selection.drafts().setAll(List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> selection.versions().setAll(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> selection.publications().setAll(List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
